using System.Text.Json;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>How one event type is read and dispatched; see <see cref="WebhookEventRegistry"/>.</summary>
internal abstract class WebhookEventDescriptor
{
    /// <summary>The handler interface of the type, e.g. <see cref="IPaymentSucceededHandler"/>.</summary>
    public abstract Type HandlerType { get; }

    /// <summary>
    /// Reads <paramref name="data"/> into the typed event; null when it lacks the id that identifies it. Throws
    /// <see cref="JsonException"/> when the data cannot be read.
    /// </summary>
    public abstract WebhookEvent? Read(JsonElement data);

    /// <summary>Runs the event's handlers from <paramref name="services"/>, then the catch-all ones; returns how many ran.</summary>
    public abstract Task<int> DispatchAsync(IServiceProvider services, WebhookEvent webhookEvent, CancellationToken cancellationToken);
}
