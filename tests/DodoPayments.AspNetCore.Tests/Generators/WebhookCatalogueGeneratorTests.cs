using System.Collections.Immutable;
using System.Globalization;
using DodoPayments.AspNetCore.Generators;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DodoPayments.AspNetCore.Tests.Generators;

/// <summary>
/// The catalogue generator over a new event class: its handler interface is written, and an event class the registry
/// could not use is a build error (not an event that silently arrives as <c>UnknownWebhookEvent</c>).
/// </summary>
public sealed class WebhookCatalogueGeneratorTests
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    [Fact]
    public void Generate_NewEventClass_WritesItsHandlerInterfaceWithTheEventsDescription()
    {
        // Arrange
        const string source = """
            namespace DodoPayments.AspNetCore.Webhooks;

            /// <summary>The <c>invoice.paid</c> event: an invoice was paid. Handled by <see cref="IInvoicePaidHandler"/>.</summary>
            public sealed class InvoicePaidEvent : WebhookEvent<Payment>
            {
                /// <summary>The event type on the wire.</summary>
                public const string EventType = "invoice.paid";
            }
            """;

        // Act
        var (compilation, diagnostics) = Generate(source);

        // Assert
        Assert.Empty(diagnostics);
        var eventClass = compilation.GetTypeByMetadataName("DodoPayments.AspNetCore.Webhooks.InvoicePaidEvent");
        var handler = compilation.GetTypeByMetadataName("DodoPayments.AspNetCore.Webhooks.IInvoicePaidHandler");
        Assert.NotNull(handler);
        Assert.Equal(Accessibility.Public, handler.DeclaredAccessibility);
        var extended = Assert.Single(handler.Interfaces);
        Assert.Equal("IWebhookHandler", extended.Name);
        Assert.Equal(eventClass, extended.TypeArguments[0], SymbolEqualityComparer.Default);
        Assert.Contains("<c>invoice.paid</c> event (an invoice was paid)", handler.GetDocumentationCommentXml(), StringComparison.Ordinal);
        Assert.DoesNotContain(compilation.GetDiagnostics(), diagnostic =>
            diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Location.SourceTree?.FilePath.EndsWith("IInvoicePaidHandler.g.cs", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("public sealed class InvoicePaidEvent : WebhookEvent<Payment> { }", "DODOGEN001", "InvoicePaidEvent")]
    [InlineData("public sealed class InvoicePaidEvent : WebhookEvent<Payment> { public static readonly string EventType = \"invoice.paid\"; }", "DODOGEN001", "InvoicePaidEvent")]
    [InlineData("public sealed class InvoicePaid : WebhookEvent<Payment> { public const string EventType = \"invoice.paid\"; }", "DODOGEN002", "InvoicePaid")]
    [InlineData("""
        public sealed class InvoicePaidEvent : WebhookEvent<Payment> { public const string EventType = "invoice.paid"; }
        public sealed class InvoiceSettledEvent : WebhookEvent<Payment> { public const string EventType = "invoice.paid"; }
        """, "DODOGEN003", "InvoiceSettledEvent")]
    public void Generate_EventClassTheRegistryCannotUse_IsABuildError(string declarations, string id, string named)
    {
        // Arrange
        var source = "namespace DodoPayments.AspNetCore.Webhooks;\n#pragma warning disable CS1591\n" + declarations;

        // Act
        var (_, diagnostics) = Generate(source);

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(named, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static (Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics) Generate(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(WebhookEvent).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "EventClasses",
            [CSharpSyntaxTree.ParseText(source, ParseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new WebhookCatalogueGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics);
    }
}
