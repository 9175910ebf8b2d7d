namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.cancelled</c> event: a subscription was cancelled. Handled by <see cref="ISubscriptionCancelledHandler"/>.</summary>
public sealed class SubscriptionCancelledEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.cancelled</c>.</summary>
    public const string EventType = "subscription.cancelled";
}
