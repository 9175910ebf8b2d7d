using DodoPayments.AspNetCore.ReadmeTests.Snippets;

namespace DodoPayments.AspNetCore.ReadmeTests;

/// <summary>The C# blocks of the repository's README.md, CONTRIBUTING.md and the packages' nuget.org pages, sorted into projects, read once.</summary>
internal static class ReadmeSnippets
{
    /// <summary>The Markdown files whose C# blocks must compile.</summary>
    public static readonly string[] Documents =
    [
        "README.md",
        "CONTRIBUTING.md",
        "src/DodoPayments.AspNetCore/PACKAGE.md",
        "src/DodoPayments.AspNetCore.EntityFrameworkCore/PACKAGE.md",
        "src/DodoPayments.AspNetCore.Testing/PACKAGE.md",
    ];

    private static readonly Lazy<IReadOnlyList<SnippetProject>> LazyProjects = new(Load);

    /// <summary>Every project (named projects, and each block on its own).</summary>
    public static IReadOnlyList<SnippetProject> Projects => LazyProjects.Value;

    /// <summary>The folder holding DodoPayments.AspNetCore.sln, found upwards from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DodoPayments.AspNetCore.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No DodoPayments.AspNetCore.sln above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<SnippetProject> Load()
    {
        var root = RepositoryRoot();
        var blocks = Documents
            .Where(document => File.Exists(Path.Combine(root, document)))
            .SelectMany(document => MarkdownSnippets.Extract(document, File.ReadAllText(Path.Combine(root, document))));
        return SnippetProject.From(blocks);
    }
}
