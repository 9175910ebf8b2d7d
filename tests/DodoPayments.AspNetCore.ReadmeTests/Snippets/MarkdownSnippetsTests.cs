namespace DodoPayments.AspNetCore.ReadmeTests.Snippets;

public sealed class MarkdownSnippetsTests
{
    [Fact]
    public void Extract_CSharpBlocks_ReturnsThemWithTheLineOfTheirFirstLine()
    {
        // Arrange
        const string Markdown = "# Title\n```bash\ndotnet run\n```\ntext\n```csharp\nvar x = 1;\n```\n";

        // Act
        var blocks = MarkdownSnippets.Extract("README.md", Markdown);

        // Assert
        var block = Assert.Single(blocks);
        Assert.Equal(7, block.FirstLine);
        Assert.Equal("README.md:6", block.Location);
        Assert.Equal("var x = 1;", block.Code);
        Assert.Equal(SnippetKind.File, block.Kind);
        Assert.Null(block.Project);
    }

    [Fact]
    public void Extract_Annotations_ReadProjectTestsOfAndFragmentWithHiddenDeclarations()
    {
        // Arrange
        const string Markdown = """
            <!-- snippet: shop -->
            ```csharp
            var app = 1;
            ```
            <!-- snippet: shop-tests (tests of shop) -->
            ```csharp
            public class T;
            ```
            <!-- snippet: fragment of shop
            int dodo = 2;
            -->
            ```csharp
            dodo++;
            ```
            """;

        // Act
        var blocks = MarkdownSnippets.Extract("README.md", Markdown);

        // Assert
        Assert.Collection(
            blocks,
            block => Assert.Equal(("shop", (string?)null, SnippetKind.File), (block.Project, block.TestsOf, block.Kind)),
            block => Assert.Equal(("shop-tests", (string?)"shop", SnippetKind.File), (block.Project, block.TestsOf, block.Kind)),
            block =>
            {
                Assert.Equal(("shop", SnippetKind.Fragment), (block.Project, block.Kind));
                Assert.Equal("int dodo = 2;", block.Hidden.Trim());
                Assert.Equal(13, block.FirstLine);
            });
    }

    [Fact]
    public void Extract_AnnotationBeforeAnotherLanguage_Throws()
    {
        // Arrange
        const string Markdown = "<!-- snippet: shop -->\n```bash\nls\n```\n";

        // Act
        var exception = Assert.Throws<SnippetAnnotationException>(() => MarkdownSnippets.Extract("README.md", Markdown));

        // Assert
        Assert.Contains("README.md:1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnreadableAnnotation_Throws()
    {
        // Arrange
        const string Markdown = "<!-- snippet: part of the shop -->\n```csharp\nvar x = 1;\n```\n";

        // Act
        var exception = Assert.Throws<SnippetAnnotationException>(() => MarkdownSnippets.Extract("README.md", Markdown));

        // Assert
        Assert.Contains("part of the shop", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OtherHtmlComment_LeavesTheBlockAWholeFile()
    {
        // Arrange
        const string Markdown = "<!-- a note -->\n```csharp\nvar x = 1;\n```\n";

        // Act
        var block = Assert.Single(MarkdownSnippets.Extract("README.md", Markdown));

        // Assert
        Assert.Equal((SnippetKind.File, (string?)null), (block.Kind, block.Project));
    }
}
