namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.failed</c> event: a subscription failed (no mandate could be created). Handled by <see cref="ISubscriptionFailedHandler"/>.</summary>
public sealed class SubscriptionFailedEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.failed</c>.</summary>
    public const string EventType = "subscription.failed";
}
