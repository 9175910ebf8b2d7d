namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.paused</c> event: a subscription was paused. Handled by <see cref="ISubscriptionPausedHandler"/>.</summary>
public sealed class SubscriptionPausedEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.paused</c>.</summary>
    public const string EventType = "subscription.paused";
}
