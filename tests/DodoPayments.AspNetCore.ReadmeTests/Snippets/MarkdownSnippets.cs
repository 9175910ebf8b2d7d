using System.Text.RegularExpressions;

namespace DodoPayments.AspNetCore.ReadmeTests.Snippets;

/// <summary>What a <c>```csharp</c> block is to the compiler.</summary>
public enum SnippetKind
{
    /// <summary>A whole C# file (the default).</summary>
    File,

    /// <summary>Code that goes inside a file: its statements are compiled as a method body, its types beside it.</summary>
    Fragment,
}

/// <summary>One <c>```csharp</c> block of a Markdown file, with the annotation written right before its fence.</summary>
/// <param name="Document">The Markdown file's name, as diagnostics show it (<c>README.md</c>).</param>
/// <param name="FirstLine">The 1-based line of the block's first line of code (the line after the fence).</param>
/// <param name="Code">The block's code.</param>
/// <param name="Kind">A whole file or a fragment.</param>
/// <param name="Project">The project the block belongs to; null for a block compiled on its own.</param>
/// <param name="TestsOf">For a file of a test project, the app project it tests (and references).</param>
/// <param name="Hidden">For a fragment, the declarations it takes from its surroundings (the comment's further lines).</param>
public sealed record CodeBlock(string Document, int FirstLine, string Code, SnippetKind Kind, string? Project, string? TestsOf, string Hidden)
{
    /// <summary>Where the block is, as <c>README.md:73</c> (the fence's line).</summary>
    public string Location => $"{Document}:{FirstLine - 1}";
}

/// <summary>What the extractor refused: an annotation it cannot read, or one that is not followed by a C# block.</summary>
public sealed class SnippetAnnotationException(string message) : Exception(message);

/// <summary>
/// Finds the <c>```csharp</c> blocks of a Markdown file and reads the optional HTML comment right before each fence:
/// <list type="bullet">
/// <item><c>&lt;!-- snippet: NAME --&gt;</c>: a file of the app project NAME (the Web SDK's implicit usings); the blocks
/// of one project compile together, as the files of one app.</item>
/// <item><c>&lt;!-- snippet: NAME (tests of APP) --&gt;</c>: a file of the test project NAME, which references APP.</item>
/// <item><c>&lt;!-- snippet: fragment of NAME --&gt;</c>: code that goes inside project NAME: its statements are compiled as
/// the body of a method, with the using directives of NAME's files; its types beside NAME's. <c>fragment</c> alone: on its own.</item>
/// </list>
/// A fragment's comment may go on over further lines before <c>--&gt;</c>: the C# declarations it takes from the text
/// around it (<c>IDodoPaymentsApiClient dodo = null!;</c>), invisible on the rendered page. A block without a comment
/// is a whole file, compiled on its own.
/// </summary>
public static partial class MarkdownSnippets
{
    /// <summary>Reads every C# block of <paramref name="markdown"/>.</summary>
    /// <param name="document">The file's name, for locations.</param>
    /// <param name="markdown">The file's text.</param>
    /// <returns>The blocks, in the order they appear.</returns>
    public static IReadOnlyList<CodeBlock> Extract(string document, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                if (lines[i].TrimStart().StartsWith("<!-- snippet:", StringComparison.Ordinal))
                {
                    var end = Array.FindIndex(lines, i, line => line.Contains("-->", StringComparison.Ordinal));
                    var next = end < 0 || end + 1 >= lines.Length ? null : Fence().Match(lines[end + 1]);
                    if (next is null || !next.Success || !IsCSharp(next.Groups["info"].Value))
                    {
                        throw new SnippetAnnotationException($"{document}:{i + 1}: a snippet annotation must come right before a ```csharp fence.");
                    }
                }

                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var fence = open.Groups["fence"].Value;
            var start = i + 1;
            var close = start;
            while (close < lines.Length && !IsClosingFence(lines[close], fence))
            {
                close++;
            }

            if (IsCSharp(open.Groups["info"].Value))
            {
                var code = string.Join('\n', lines[start..Math.Min(close, lines.Length)].Select(line => Unindent(line, indent)));
                blocks.Add(Annotate(document, lines, i, start + 1, code));
            }

            i = close;
        }

        return blocks;
    }

    private static CodeBlock Annotate(string document, string[] lines, int fenceIndex, int firstLine, string code)
    {
        var end = fenceIndex - 1;
        if (end < 0 || !lines[end].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
        {
            return new CodeBlock(document, firstLine, code, SnippetKind.File, null, null, "");
        }

        var begin = end;
        while (begin >= 0 && !lines[begin].Contains("<!--", StringComparison.Ordinal))
        {
            begin--;
        }

        var comment = string.Join('\n', lines[begin..(end + 1)]).Trim();
        comment = comment["<!--".Length..^"-->".Length];
        if (!comment.TrimStart().StartsWith("snippet:", StringComparison.Ordinal))
        {
            return new CodeBlock(document, firstLine, code, SnippetKind.File, null, null, "");
        }

        var newline = comment.IndexOf('\n', StringComparison.Ordinal);
        var head = (newline < 0 ? comment : comment[..newline]).Trim()["snippet:".Length..].Trim();
        var hidden = newline < 0 ? "" : comment[(newline + 1)..];
        var where = $"{document}:{begin + 1}";

        var fragment = FragmentAnnotation().Match(head);
        if (fragment.Success)
        {
            var project = fragment.Groups["project"].Success ? fragment.Groups["project"].Value : null;
            return new CodeBlock(document, firstLine, code, SnippetKind.Fragment, project, null, hidden);
        }

        var file = FileAnnotation().Match(head);
        if (!file.Success)
        {
            throw new SnippetAnnotationException(
                $"{where}: cannot read the snippet annotation \"{head}\": expected NAME, NAME (tests of APP), fragment or fragment of NAME.");
        }

        if (hidden.Trim().Length > 0)
        {
            throw new SnippetAnnotationException($"{where}: only a fragment takes hidden declarations; a file must define what it uses.");
        }

        var testsOf = file.Groups["app"].Success ? file.Groups["app"].Value : null;
        return new CodeBlock(document, firstLine, code, SnippetKind.File, file.Groups["name"].Value, testsOf, "");
    }

    private static bool IsCSharp(string info) =>
        info.Trim().Split(' ', 2)[0] is "csharp" or "cs" or "c#" or "C#";

    private static bool IsClosingFence(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    private static string Unindent(string line, int indent)
    {
        var remove = 0;
        while (remove < indent && remove < line.Length && line[remove] == ' ')
        {
            remove++;
        }

        return line[remove..];
    }

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^fragment(\s+of\s+(?<project>[\w.-]+))?$")]
    private static partial Regex FragmentAnnotation();

    [GeneratedRegex(@"^(?<name>[\w.-]+)(\s*\(\s*tests\s+of\s+(?<app>[\w.-]+)\s*\))?$")]
    private static partial Regex FileAnnotation();
}
