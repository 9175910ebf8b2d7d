using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>A known event type: <typeparamref name="TEvent"/> carrying <typeparamref name="TData"/>, handled by <typeparamref name="THandler"/>.</summary>
internal sealed class WebhookEventDescriptor<TEvent, TData, THandler>(
    Func<TEvent> create,
    JsonTypeInfo<TData> dataTypeInfo,
    Func<TData, bool> hasId) : WebhookEventDescriptor
    where TEvent : WebhookEvent<TData>
    where TData : class
    where THandler : class, IWebhookHandler<TEvent>
{
    public override Type HandlerType => typeof(THandler);

    public override WebhookEvent? Read(JsonElement data)
    {
        var payload = data.Deserialize(dataTypeInfo);
        if (payload is null || !hasId(payload))
        {
            return null;
        }

        var webhookEvent = create();
        webhookEvent.SetData(payload);
        return webhookEvent;
    }

    public override Task<int> DispatchAsync(IServiceProvider services, WebhookEvent webhookEvent, CancellationToken cancellationToken) =>
        WebhookDispatcher.DispatchAsync(
            (TEvent)webhookEvent,
            services.GetServices<THandler>(),
            services.GetServices<IWebhookHandler<TEvent>>(),
            services,
            cancellationToken);
}
