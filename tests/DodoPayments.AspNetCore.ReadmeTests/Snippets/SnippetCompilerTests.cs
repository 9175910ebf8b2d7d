namespace DodoPayments.AspNetCore.ReadmeTests.Snippets;

/// <summary>The compiler fails a block that does not compile, with the block's line in the Markdown file.</summary>
public sealed class SnippetCompilerTests
{
    private static IReadOnlyList<string> CompileAll(string markdown, string name)
    {
        var projects = SnippetProject.From(MarkdownSnippets.Extract("README.md", markdown));
        return SnippetCompiler.Compile(projects.Single(project => project.Name == name), projects);
    }

    [Fact]
    public void Compile_WebAppUsingThePackage_HasNoErrors()
    {
        // Arrange
        const string Markdown = """
            Some text.
            ```csharp
            using DodoPayments.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDodoPayments();
            var app = builder.Build();
            app.MapDodoWebhooks();
            app.Run();
            ```
            """;

        // Act
        var errors = CompileAll(Markdown, "README.md:2");

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Compile_BlockThatStoppedCompiling_ReportsTheErrorAtItsReadmeLine()
    {
        // Arrange: the API it calls does not exist (line 6 of the Markdown).
        const string Markdown = """
            # Title

            ```csharp
            using DodoPayments.AspNetCore;

            builder.Services.AddDodoPayments().AddWebhookHandlr<int>();
            ```
            """;

        // Act
        var errors = CompileAll(Markdown, "README.md:3");

        // Assert
        Assert.NotEmpty(errors);
        Assert.Contains(errors, error => error.StartsWith("README.md:6: CS0103", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_SyntaxError_ReportsItsReadmeLine()
    {
        // Arrange
        const string Markdown = "```csharp\nvar x = 1;\nvar y = ;\n```\n";

        // Act
        var errors = CompileAll(Markdown, "README.md:1");

        // Assert
        Assert.Contains(errors, error => error.StartsWith("README.md:3: CS1525", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_FragmentOfAnApp_SeesTheAppsTypesUsingsAndHiddenDeclarations()
    {
        // Arrange
        const string Markdown = """
            <!-- snippet: shop -->
            ```csharp
            using DodoPayments.AspNetCore.Webhooks;

            public sealed class Orders
            {
                public Task MarkPaidAsync(PaymentSucceededEvent webhookEvent) => Task.CompletedTask;
            }
            ```
            <!-- snippet: fragment of shop
            Orders orders = new();
            PaymentSucceededEvent paid = null!;
            -->
            ```csharp
            await orders.MarkPaidAsync(paid);
            ```
            """;

        // Act
        var errors = CompileAll(Markdown, "shop");

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Compile_FragmentWithAnError_ReportsItsReadmeLine()
    {
        // Arrange
        const string Markdown = """
            <!-- snippet: fragment
            string id = "pay_1";
            -->
            ```csharp
            var length = id.Length;
            int wrong = id;
            ```
            """;

        // Act
        var errors = CompileAll(Markdown, "README.md:4");

        // Assert
        var error = Assert.Single(errors);
        Assert.StartsWith("README.md:6: CS0029", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TestsOfAnApp_SeeItsPublicProgramAndFailWhenItDoesNotCompile()
    {
        // Arrange
        const string App = """
            <!-- snippet: shop -->
            ```csharp
            var app = WebApplication.CreateBuilder(args).Build();
            app.Run();
            ```
            """;
        const string Tests = """
            <!-- snippet: shop-tests (tests of shop) -->
            ```csharp
            using Microsoft.AspNetCore.Mvc.Testing;
            using Xunit;

            public sealed class ShopTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
            {
                [Fact]
                public void Client_Created_IsNotNull() => Assert.NotNull(factory.CreateClient());
            }
            ```
            """;

        // Act
        var passing = CompileAll(App + "\n" + Tests, "shop-tests");
        var broken = CompileAll(App.Replace("app.Run();", "app.Runn();", StringComparison.Ordinal) + "\n" + Tests, "shop-tests");

        // Assert
        Assert.Empty(passing);
        Assert.Contains(broken, error => error.StartsWith("README.md:4: CS1061", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_TestProject_DoesNotGetTheWebSdksImplicitUsings()
    {
        // Arrange: a test project has the plain SDK's implicit usings; WebApplication needs Microsoft.AspNetCore.Builder.
        const string Markdown = """
            <!-- snippet: shop -->
            ```csharp
            public sealed class Shop;
            ```
            <!-- snippet: shop-tests (tests of shop) -->
            ```csharp
            public sealed class ShopTests
            {
                public object Build() => WebApplication.CreateBuilder();
            }
            ```
            """;

        // Act
        var errors = CompileAll(Markdown, "shop-tests");

        // Assert
        Assert.Contains(errors, error => error.StartsWith("README.md:9: CS0103", StringComparison.Ordinal));
    }
}
