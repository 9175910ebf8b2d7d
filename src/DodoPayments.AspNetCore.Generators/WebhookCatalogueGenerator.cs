using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DodoPayments.AspNetCore.Generators;

/// <summary>
/// Builds the webhook event catalogue from the event classes, so an event type is written in one place: its class
/// (<c>Webhooks/Events/</c>), deriving from <c>WebhookEvent&lt;TData&gt;</c> with <c>public const string EventType</c>.
/// For each it writes the handler interface (<c>PaymentSucceededEvent</c> → <c>IPaymentSucceededHandler</c>) and the
/// entry of <c>WebhookEventRegistry</c>; an event class the registry could not use is a build error, never an event that
/// silently arrives as <c>UnknownWebhookEvent</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WebhookCatalogueGenerator : IIncrementalGenerator
{
    /// <summary>A class deriving from <c>WebhookEvent&lt;TData&gt;</c> without <c>public const string EventType</c>.</summary>
    public static readonly DiagnosticDescriptor MissingEventType = new(
        "DODOGEN001",
        "Webhook event class without its event type",
        "{0} derives from WebhookEvent<TData> but declares no 'public const string EventType' with the type Dodo sends, so it could never be received",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>An event class whose name does not end in <c>Event</c>: its handler interface is named from it.</summary>
    public static readonly DiagnosticDescriptor NotNamedEvent = new(
        "DODOGEN002",
        "Webhook event class not named …Event",
        "{0} is a webhook event class, so its name ends in 'Event': its handler interface is named from it (PaymentSucceededEvent → IPaymentSucceededHandler)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>Two event classes declaring the same <c>EventType</c>.</summary>
    public static readonly DiagnosticDescriptor DuplicateEventType = new(
        "DODOGEN003",
        "Two webhook event classes for one event type",
        "{0} and {1} both declare the event type \"{2}\": each type Dodo sends has one event class",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private const string Category = "DodoPayments.Webhooks";
    private const string WebhooksNamespace = "DodoPayments.AspNetCore.Webhooks";
    private const string Generated = "[global::System.CodeDom.Compiler.GeneratedCode(\"DodoPayments.AspNetCore.Generators\", \"1.0\")]";

    /// <summary>The description in an event class's summary: "The &lt;c&gt;type&lt;/c&gt; event: {description}. Handled by …".</summary>
    private static readonly Regex DescriptionPattern = new(
        @"<summary>\s*The <c>[^<]*</c> event: (?<description>.+?)\.\s*Handled by ",
        RegexOptions.Singleline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var eventClasses = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) =>
                    EventClass.From(syntax.SemanticModel.GetDeclaredSymbol((ClassDeclarationSyntax)syntax.Node, cancellationToken), cancellationToken))
            .Where(static eventClass => eventClass is not null)
            .Collect();

        context.RegisterSourceOutput(eventClasses, static (output, classes) => Emit(output, classes!));
    }

    private static void Emit(SourceProductionContext output, IEnumerable<EventClass> classes)
    {
        var seenClasses = new HashSet<string>(StringComparer.Ordinal);
        var byEventType = new Dictionary<string, EventClass>(StringComparer.Ordinal);
        foreach (var eventClass in classes.OrderBy(eventClass => eventClass.FullName, StringComparer.Ordinal))
        {
            if (!seenClasses.Add(eventClass.FullName))
            {
                continue;
            }

            if (eventClass.EventType is not { } eventType)
            {
                output.ReportDiagnostic(Diagnostic.Create(MissingEventType, eventClass.Location, eventClass.Name));
            }
            else if (!eventClass.Name.EndsWith("Event", StringComparison.Ordinal) || eventClass.Name.Length == "Event".Length)
            {
                output.ReportDiagnostic(Diagnostic.Create(NotNamedEvent, eventClass.Location, eventClass.Name));
            }
            else if (byEventType.TryGetValue(eventType, out var first))
            {
                output.ReportDiagnostic(Diagnostic.Create(DuplicateEventType, eventClass.Location, first.Name, eventClass.Name, eventType));
            }
            else
            {
                byEventType.Add(eventType, eventClass);
                output.AddSource(eventClass.HandlerName + ".g.cs", HandlerInterface(eventClass, eventType));
            }
        }

        output.AddSource("WebhookEventRegistry.g.cs", Registry(byEventType.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value)));
    }

    private static string HandlerInterface(EventClass eventClass, string eventType)
    {
        var what = eventClass.Description ?? $"<see cref=\"{eventClass.FullName}\"/>";
        return $$"""
            // <auto-generated/>
            #nullable enable

            namespace {{eventClass.Namespace}};

            /// <summary>Handles the <c>{{Xml(eventType)}}</c> event ({{what}}); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
            {{Generated}}
            public interface {{eventClass.HandlerName}} : global::{{WebhooksNamespace}}.IWebhookHandler<{{eventClass.FullName}}>
            {
            }

            """;
    }

    private static string Registry(IEnumerable<EventClass> eventClasses)
    {
        var entries = new StringBuilder();
        foreach (var eventClass in eventClasses)
        {
            entries.Append("        [").Append(eventClass.FullName).Append(".EventType] = new WebhookEventDescriptor<")
                .Append(eventClass.FullName).Append(", ").Append(eventClass.DataType).Append(", ").Append(eventClass.HandlerFullName)
                .Append(">(static () => new ").Append(eventClass.FullName).Append("(), WebhookPayloadIds.IdOf),\n");
        }

        return $$"""
            // <auto-generated/>
            #nullable enable

            namespace {{WebhooksNamespace}}.Internal;

            internal static partial class WebhookEventRegistry
            {
                {{Generated}}
                private static partial global::System.Collections.Generic.Dictionary<string, WebhookEventDescriptor> CreateDescriptors() => new(global::System.StringComparer.Ordinal)
                {
            {{entries}}    };
            }

            """;
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>One class deriving from <c>WebhookEvent&lt;TData&gt;</c>, as much as the output needs of it.</summary>
    private sealed class EventClass : IEquatable<EventClass>
    {
        private EventClass(string name, string @namespace, string dataType, string? eventType, string? description, Location? location)
        {
            Name = name;
            Namespace = @namespace;
            DataType = dataType;
            EventType = eventType;
            Description = description;
            Location = location;
        }

        public string Name { get; }

        public string Namespace { get; }

        public string FullName => $"global::{Namespace}.{Name}";

        public string HandlerName => $"I{Name.Substring(0, Name.Length - "Event".Length)}Handler";

        public string HandlerFullName => $"global::{Namespace}.{HandlerName}";

        public string DataType { get; }

        public string? EventType { get; }

        public string? Description { get; }

        public Location? Location { get; }

        /// <summary>The event class <paramref name="symbol"/> declares, or null when it is not one (abstract, or <c>UnknownWebhookEvent</c>).</summary>
        public static EventClass? From(INamedTypeSymbol? symbol, CancellationToken cancellationToken)
        {
            if (symbol is null || symbol.IsAbstract || symbol.Name == "UnknownWebhookEvent"
                || symbol.BaseType is not { IsGenericType: true } baseType
                || baseType.ConstructedFrom.MetadataName != "WebhookEvent`1"
                || baseType.ContainingNamespace.ToDisplayString() != WebhooksNamespace)
            {
                return null;
            }

            var eventType = symbol.GetMembers("EventType").OfType<IFieldSymbol>()
                .Where(field => field.IsConst && field.DeclaredAccessibility == Accessibility.Public)
                .Select(field => field.ConstantValue as string)
                .FirstOrDefault(value => !string.IsNullOrEmpty(value));
            var documentation = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
            var description = string.IsNullOrEmpty(documentation) ? null : DescriptionPattern.Match(documentation).Groups["description"];
            return new EventClass(
                symbol.Name,
                symbol.ContainingNamespace.ToDisplayString(),
                baseType.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                eventType,
                description is { Success: true } ? description.Value : null,
                symbol.Locations.FirstOrDefault());
        }

        public bool Equals(EventClass? other) =>
            other is not null && Name == other.Name && Namespace == other.Namespace && DataType == other.DataType
            && EventType == other.EventType && Description == other.Description && Equals(Location, other.Location);

        public override bool Equals(object? obj) => Equals(obj as EventClass);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Namespace + "." + Name);
    }
}
