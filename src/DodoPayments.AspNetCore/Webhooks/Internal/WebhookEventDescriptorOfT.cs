using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>A known event type: <typeparamref name="TEvent"/> carrying <typeparamref name="TData"/>, handled by <typeparamref name="THandler"/>.</summary>
internal sealed class WebhookEventDescriptor<TEvent, TData, THandler>(
    Func<TEvent> create,
    JsonTypeInfo<TData> dataTypeInfo,
    Func<TData, bool> hasId)
    : WebhookEventDescriptor([WebhookHandlerSource<THandler, TEvent>.Instance, WebhookHandlerSource<IWebhookHandler<TEvent>, TEvent>.Instance])
    where TEvent : WebhookEvent<TData>
    where TData : class
    where THandler : class, IWebhookHandler<TEvent>
{
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
            payload = data.Deserialize(dataTypeInfo);
        }
        catch (JsonException)
        {
            failure = WebhookReadFailure.DataUnreadable;
            return null;
        }

        if (payload is null || !hasId(payload))
        {
            failure = WebhookReadFailure.DataWithoutId;
            return null;
        }

        var webhookEvent = create();
        webhookEvent.SetData(payload);
        failure = WebhookReadFailure.None;
        return webhookEvent;
    }
}
