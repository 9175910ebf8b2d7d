using DodoPayments.AspNetCore.ReadmeTests.Snippets;

namespace DodoPayments.AspNetCore.ReadmeTests;

/// <summary>
/// Every ```csharp block of README.md (and CONTRIBUTING.md) compiles as written: one case per project of blocks
/// (see <see cref="MarkdownSnippets"/> for the annotations that group them) and per block on its own.
/// </summary>
public sealed class ReadmeSnippetTests
{
    /// <summary>The projects' names: a named project (<c>quickstart</c>) or a block's location (<c>README.md:177</c>).</summary>
    public static TheoryData<string> Projects() => new(ReadmeSnippets.Projects.Select(project => project.Name));

    [Theory]
    [MemberData(nameof(Projects))]
    public void Snippet_AsWritten_CompilesWithoutErrors(string name)
    {
        // Arrange
        var project = ReadmeSnippets.Projects.Single(candidate => candidate.Name == name);

        // Act
        var errors = SnippetCompiler.Compile(project, ReadmeSnippets.Projects);

        // Assert
        Assert.True(errors.Count == 0, $"{name} ({string.Join(", ", project.Blocks.Select(block => block.Location))}) does not compile:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void Readme_Quickstart_IsAnAppWithATestProject()
    {
        // Arrange
        var projects = ReadmeSnippets.Projects;

        // Act
        var quickstart = projects.SingleOrDefault(project => project.Name == "quickstart");
        var tests = projects.Where(project => project.TestsOf == "quickstart").ToArray();

        // Assert
        Assert.NotNull(quickstart);
        Assert.Contains(quickstart.Blocks, block => block.Kind == SnippetKind.File && block.Code.Contains("WebApplication.CreateBuilder", StringComparison.Ordinal));
        Assert.NotEmpty(tests);
    }
}
