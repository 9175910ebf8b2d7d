using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

/// <summary>
/// The registry is the event classes: each is found under its <c>EventType</c>, reads into itself and reaches its own
/// handler interface, and nothing else is registered. The event classes are found by reflection here only.
/// </summary>
public sealed class WebhookEventRegistryTests
{
    private static readonly Type[] EventClasses = [.. typeof(WebhookEvent).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(WebhookEvent)) && type != typeof(UnknownWebhookEvent))];

    public static TheoryData<string> EventClassNames => [.. EventClasses.Select(type => type.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void Descriptors_Keys_AreTheEventTypesOfTheEventClasses()
    {
        // Arrange
        var declared = EventClasses.Select(EventTypeOf).Order(StringComparer.Ordinal);

        // Act
        var registered = WebhookEventRegistry.Descriptors.Keys.Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(declared, registered);
    }

    [Theory]
    [MemberData(nameof(EventClassNames))]
    public void Find_EventTypeOfAnEventClass_ReadsIntoThatClassForItsOwnHandlerInterface(string eventClassName)
    {
        // Arrange: every string field of its model set, so its id is there whichever it is.
        var eventClass = EventClass(eventClassName);
        var data = JsonSerializer.SerializeToElement(StringFieldsOf(DataTypeOf(eventClass)));

        // Act
        var descriptor = WebhookEventRegistry.Find(EventTypeOf(eventClass));
        var webhookEvent = descriptor.Read(data, out var failure);

        // Assert
        Assert.Equal(WebhookReadFailure.None, failure);
        Assert.IsType(eventClass, webhookEvent);
        Assert.Equal($"I{eventClassName[..^"Event".Length]}Handler", descriptor.HandlerType.Name);
        Assert.True(descriptor.HandlerType.IsPublic);
        Assert.Contains(typeof(IWebhookHandler<>).MakeGenericType(eventClass), descriptor.HandlerType.GetInterfaces());
    }

    [Theory]
    [MemberData(nameof(EventClassNames))]
    public void Find_EventTypeOfAnEventClassWithEmptyData_IsRefusedForLackingItsId(string eventClassName)
    {
        // Arrange
        var data = JsonSerializer.SerializeToElement(new JsonObject());

        // Act
        WebhookEventRegistry.Find(EventTypeOf(EventClass(eventClassName))).Read(data, out var failure);

        // Assert
        Assert.Equal(WebhookReadFailure.DataWithoutId, failure);
    }

    [Fact]
    public void Readme_EventsTable_HasTheRowOfEveryEventType()
    {
        // Arrange
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        // Act
        var rows = EventClasses.Select(type =>
            $"| `{EventTypeOf(type)}` | `{type.Name}` | `I{type.Name[..^"Event".Length]}Handler` | `{DataTypeOf(type).Name}` |");

        // Assert
        Assert.All(rows, row => Assert.Contains(row, readme, StringComparison.Ordinal));
    }

    private static Type EventClass(string name) => Array.Find(EventClasses, type => type.Name == name)!;

    private static string EventTypeOf(Type eventClass) => (string)eventClass.GetField("EventType")!.GetRawConstantValue()!;

    private static Type DataTypeOf(Type eventClass) => eventClass.BaseType!.GetGenericArguments()[0];

    private static JsonObject StringFieldsOf(Type dataType)
    {
        var data = new JsonObject();
        foreach (var property in dataType.GetProperties().Where(property => property.PropertyType == typeof(string)))
        {
            data[property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name] = "x_1";
        }

        return data;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DodoPayments.AspNetCore.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (DodoPayments.AspNetCore.sln) is not above the test output.");
    }
}
