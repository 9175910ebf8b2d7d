namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.unpaused</c> event: a paused subscription resumed. Handled by <see cref="ISubscriptionUnpausedHandler"/>.</summary>
public sealed class SubscriptionUnpausedEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.unpaused</c>.</summary>
    public const string EventType = "subscription.unpaused";
}
