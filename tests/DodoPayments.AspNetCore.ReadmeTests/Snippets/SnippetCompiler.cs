using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DodoPayments.AspNetCore.ReadmeTests.Snippets;

/// <summary>What the compiler compiles at once: the blocks of one project, or one block on its own.</summary>
/// <param name="Name">The project's name, or the block's location for a block on its own.</param>
/// <param name="TestsOf">For a test project, the app project it references.</param>
/// <param name="Blocks">Its blocks, files and fragments.</param>
public sealed record SnippetProject(string Name, string? TestsOf, IReadOnlyList<CodeBlock> Blocks)
{
    /// <summary>Sorts blocks into projects: the named ones by name, every other block on its own.</summary>
    /// <param name="blocks">The blocks of one or more Markdown files.</param>
    /// <returns>The projects, in the order of their first block.</returns>
    public static IReadOnlyList<SnippetProject> From(IEnumerable<CodeBlock> blocks)
    {
        var projects = new List<SnippetProject>();
        foreach (var group in blocks.GroupBy(block => block.Project ?? block.Location))
        {
            var testsOf = group.Select(block => block.TestsOf).Distinct().Where(app => app is not null).ToArray();
            if (testsOf.Length > 1)
            {
                throw new SnippetAnnotationException($"The blocks of {group.Key} name different apps to test: {string.Join(", ", testsOf)}.");
            }

            projects.Add(new SnippetProject(group.Key, testsOf.SingleOrDefault(), group.ToArray()));
        }

        var names = projects.Select(project => project.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects.Where(project => project.TestsOf is not null && !names.Contains(project.TestsOf)))
        {
            throw new SnippetAnnotationException($"{project.Name} tests {project.TestsOf}, which has no block.");
        }

        foreach (var project in projects.Where(project => project.Blocks.All(block => block.Kind == SnippetKind.Fragment && block.Project is not null)))
        {
            // A project made of fragments only is fine when that was meant (several fragments share types); a lone
            // "fragment of X" whose X has no file is most likely a typo.
            if (project.Blocks.Count == 1)
            {
                throw new SnippetAnnotationException($"{project.Blocks[0].Location}: fragment of {project.Name}, which has no other block.");
            }
        }

        return projects;
    }
}

/// <summary>
/// Compiles snippet projects with Roslyn (C# 14, nullable enabled) against the assemblies this test project runs with:
/// the .NET and ASP.NET Core shared frameworks, the three DodoPayments packages, EF Core (SQLite, PostgreSQL),
/// Mvc.Testing and xunit. An app project gets the implicit usings of the Web SDK, a test project those of the plain SDK.
/// One compilation per project; the metadata references are read once and shared.
/// </summary>
public static class SnippetCompiler
{
    /// <summary>The Web SDK's implicit usings (<c>Microsoft.NET.Sdk.Web</c> with <c>ImplicitUsings</c> enabled).</summary>
    private static readonly string[] WebUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>The plain SDK's implicit usings (a test project, <c>Microsoft.NET.Sdk</c>).</summary>
    private static readonly string[] SdkUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp14);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    private static readonly ConcurrentDictionary<string, Lazy<(MetadataReference? Image, IReadOnlyList<string> Errors)>> Apps = new(StringComparer.Ordinal);

    /// <summary>Compiles one project.</summary>
    /// <param name="project">The project.</param>
    /// <param name="projects">Every project (a test project's app is found here).</param>
    /// <returns>The errors, each as <c>README.md:LINE: CSxxxx: message</c>; empty when it compiles.</returns>
    public static IReadOnlyList<string> Compile(SnippetProject project, IReadOnlyList<SnippetProject> projects)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(projects);
        var references = new List<MetadataReference>(References.Value);
        if (project.TestsOf is { } appName)
        {
            var app = projects.Single(candidate => candidate.Name == appName);
            var (image, appErrors) = Apps.GetOrAdd(
                    $"{app.Name}\n{string.Join('\n', app.Blocks.Select(block => block.Location + block.Hidden + block.Code))}",
                    _ => new(() => Emit(app)))
                .Value;
            if (image is null)
            {
                return [$"{project.Name} tests {app.Name}, which does not compile:", .. appErrors];
            }

            references.Add(image);
        }

        return Errors(CreateCompilation(project, references));
    }

    private static (MetadataReference? Image, IReadOnlyList<string> Errors) Emit(SnippetProject app)
    {
        var compilation = CreateCompilation(app, References.Value);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        return result.Success
            ? (MetadataReference.CreateFromImage(image.ToArray()), [])
            : (null, Errors(compilation));
    }

    private static CSharpCompilation CreateCompilation(SnippetProject project, IEnumerable<MetadataReference> references)
    {
        var implicitUsings = project.TestsOf is null ? WebUsings : SdkUsings;
        var trees = new List<SyntaxTree>
        {
            Parse(string.Concat(implicitUsings.Select(name => $"global using global::{name};\n")), $"{project.Name} (implicit usings)"),
        };

        var files = project.Blocks.Where(block => block.Kind == SnippetKind.File).ToArray();
        var fileTrees = files.Select(block => Parse($"#line {block.FirstLine} \"{block.Document}\"\n{block.Code}", block.Location)).ToArray();
        trees.AddRange(fileTrees);

        // What a fragment's statements see: the using directives of the project's files, as if it were written there.
        var fileUsings = fileTrees
            .SelectMany(tree => tree.GetCompilationUnitRoot().Usings)
            .Select(directive => directive.WithoutTrivia().ToFullString())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        trees.AddRange(project.Blocks.Where(block => block.Kind == SnippetKind.Fragment).Select(block => Parse(Wrap(block, fileUsings), block.Location)));

        var hasProgram = trees.Any(tree => tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any());
        if (hasProgram && project.TestsOf is null)
        {
            // What the .NET 10 Web SDK's source generator adds, so that a test project's WebApplicationFactory<Program> can see it.
            trees.Add(Parse("public partial class Program;\n", $"{project.Name} (public Program)"));
        }

        return CSharpCompilation.Create(
            AssemblyName(project.Name),
            trees,
            references,
            new CSharpCompilationOptions(
                hasProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// A fragment as a file: usings first (the project's, the hidden ones, the block's), then its statements as the body
    /// of an async method (after the hidden declarations), then its types. <c>#line</c> maps each part of the block back
    /// to its line in the Markdown file; the hidden parts keep the generated file's numbering.
    /// </summary>
    private static string Wrap(CodeBlock block, IReadOnlyList<string> projectUsings)
    {
        var hidden = CSharpSyntaxTree.ParseText(block.Hidden, ParseOptions).GetCompilationUnitRoot();
        var visibleTree = CSharpSyntaxTree.ParseText(block.Code, ParseOptions);
        var visible = visibleTree.GetCompilationUnitRoot();
        var text = visibleTree.GetText();

        var source = new StringBuilder();
        foreach (var directive in projectUsings.Concat(hidden.Usings.Select(directive => directive.WithoutTrivia().ToFullString())))
        {
            source.AppendLine(directive);
        }

        void AppendVisible(SyntaxNode first, SyntaxNode last)
        {
            var firstLine = text.Lines.GetLineFromPosition(first.SpanStart).LineNumber;
            var lastLine = text.Lines.GetLineFromPosition(last.Span.End).LineNumber;
            source.Append("#line ").Append(block.FirstLine + firstLine).Append(" \"").Append(block.Document).AppendLine("\"");
            source.AppendLine(text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(text.Lines[firstLine].Start, text.Lines[lastLine].End)));
            source.AppendLine("#line default");
        }

        if (visible.Usings.Count > 0)
        {
            AppendVisible(visible.Usings[0], visible.Usings[^1]);
        }

        var statements = visible.Members.OfType<GlobalStatementSyntax>().ToArray();
        var types = visible.Members.Where(member => member is not GlobalStatementSyntax).ToArray();
        var name = $"Fragment_{Path.GetFileNameWithoutExtension(block.Document)}_{block.FirstLine}";
        source.AppendLine($"internal static class {name}");
        source.AppendLine("{");
        source.AppendLine("    internal static async global::System.Threading.Tasks.Task RunAsync(string[] args)");
        source.AppendLine("    {");
        foreach (var member in hidden.Members)
        {
            source.AppendLine(member.ToFullString());
        }

        if (statements.Length > 0)
        {
            AppendVisible(statements[0], statements[^1]);
        }

        source.AppendLine("        await global::System.Threading.Tasks.Task.CompletedTask;");
        source.AppendLine("    }");
        source.AppendLine("}");
        if (types.Length > 0)
        {
            AppendVisible(types[0], types[^1]);
        }

        return source.ToString();
    }

    private static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    private static IReadOnlyList<string> Errors(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .ToArray();

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var where = span.HasMappedPath
            ? $"{span.Path}:{span.StartLinePosition.Line + 1}"
            : $"{span.Path} (hidden, generated line {span.StartLinePosition.Line + 1})";
        return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string AssemblyName(string name) =>
        "Snippet_" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>Every assembly this test process may load (its deps.json): what a user's app and test project reference.</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return paths
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))
            .ToArray();
    }
}
