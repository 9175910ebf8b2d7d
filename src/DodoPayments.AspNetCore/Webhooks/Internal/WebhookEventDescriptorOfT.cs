using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>A known event type: <typeparamref name="TEvent"/> carrying <typeparamref name="TData"/>, handled by <typeparamref name="THandler"/>.</summary>
/// <param name="create">Makes an empty <typeparamref name="TEvent"/> (no reflection).</param>
/// <param name="idOf">The id of the payload (<see cref="WebhookPayloadIds"/>); <c>data</c> without it is refused.</param>
internal sealed class WebhookEventDescriptor<TEvent, TData, THandler>(Func<TEvent> create, Func<TData, string?> idOf)
    : WebhookEventDescriptor([WebhookHandlerSource<THandler, TEvent>.Instance, WebhookHandlerSource<IWebhookHandler<TEvent>, TEvent>.Instance])
    where TEvent : WebhookEvent<TData>
    where TData : class
    where THandler : class, IWebhookHandler<TEvent>
{
    private readonly JsonTypeInfo<TData> _dataTypeInfo = WebhookJson.TypeInfo<TData>();

    public override Type HandlerType => typeof(THandler);

    public override WebhookEvent? Read(JsonElement data, out WebhookReadFailure failure)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            failure = WebhookReadFailure.DataNotAnObject;
            return null;
        }

        TData? payload;
        try
        {
            payload = data.Deserialize(_dataTypeInfo);
        }
        catch (JsonException)
        {
            failure = WebhookReadFailure.DataUnreadable;
            return null;
        }

        if (payload is null || string.IsNullOrEmpty(idOf(payload)))
        {
            failure = WebhookReadFailure.DataWithoutId;
            return null;
        }

        failure = WebhookReadFailure.None;
        return Create(payload);
    }

    public override WebhookEvent? TryRead(ref Utf8JsonReader reader)
    {
        var payload = JsonSerializer.Deserialize(ref reader, _dataTypeInfo);
        return payload is null || string.IsNullOrEmpty(idOf(payload)) ? null : Create(payload);
    }

    private TEvent Create(TData payload)
    {
        var webhookEvent = create();
        webhookEvent.SetData(payload);
        return webhookEvent;
    }
}
