using System.Net;
using System.Text.Json;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>Every event type, posted as Dodo sends it (<c>Payloads/</c>), reaches its handler as its typed model.</summary>
public sealed class WebhookPayloadTests
{
    public static TheoryData<string> EventTypes => DodoShapedPayloads.EventTypes;

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task Post_DodoShapedPayload_ReachesItsHandlerWithTheMainFieldsSet(string type)
    {
        // Arrange
        var recorder = new HandlerInterfaceRecorder();
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => recorder.RegisterEachHandlerInterface(dodo.Services));
        var body = DodoShapedPayloads.Read(type);
        using var sent = JsonDocument.Parse(body);

        // Act
        using var response = await host.PostSignedAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var webhookEvent = Assert.Single(recorder.Received).Event;
        Assert.Equal(sent.RootElement.GetProperty("business_id").GetString(), webhookEvent.BusinessId);
        Assert.Equal(sent.RootElement.GetProperty("timestamp").GetDateTimeOffset(), webhookEvent.Timestamp);
        DodoShapedPayloads.AssertMainFieldsAreRead(sent.RootElement.GetProperty("data"), DodoShapedPayloads.DataOf(webhookEvent), type);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task Post_UnknownFieldsAtEveryLevelAndNewEnumValues_ReadsTheSameAndAnswers200(string type)
    {
        // Arrange
        var recorder = new HandlerInterfaceRecorder();
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => recorder.RegisterEachHandlerInterface(dodo.Services));
        var body = DodoShapedPayloads.Read(type);
        using var asDocumented = await host.PostSignedAsync(body);
        var original = Assert.Single(recorder.Received).Event;
        var changed = DodoShapedPayloads.WithUnknownFieldsAndValues(body, DodoShapedPayloads.DataOf(original).GetType());
        recorder.Received.Clear();

        // Act
        using var response = await host.PostSignedAsync(changed);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var webhookEvent = Assert.Single(recorder.Received).Event;
        Assert.IsType(original.GetType(), webhookEvent);
        DodoShapedPayloads.AssertSameMainFields(DodoShapedPayloads.DataOf(original), DodoShapedPayloads.DataOf(webhookEvent), type);
        Assert.Equal(12.5, webhookEvent.RawData.GetProperty("a_number_added_later").GetDouble());
    }

    [Fact]
    public void Payloads_EveryEventClass_HasOneAndNoOtherTypeHas()
    {
        // Arrange
        var eventTypes = typeof(WebhookEvent).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(WebhookEvent)) && type != typeof(UnknownWebhookEvent))
            .Select(type => (string)type.GetField("EventType")!.GetRawConstantValue()!);

        // Act
        var payloads = DodoShapedPayloads.Types;

        // Assert
        Assert.Equal(eventTypes.Order(StringComparer.Ordinal), payloads);
    }
}
