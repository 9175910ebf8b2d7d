namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.expired</c> event: a subscription reached the end of its term. Handled by <see cref="ISubscriptionExpiredHandler"/>.</summary>
public sealed class SubscriptionExpiredEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.expired</c>.</summary>
    public const string EventType = "subscription.expired";
}
