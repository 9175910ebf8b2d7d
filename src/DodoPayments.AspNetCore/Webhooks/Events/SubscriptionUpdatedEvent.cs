namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.updated</c> event: a subscription's fields changed. Handled by <see cref="ISubscriptionUpdatedHandler"/>.</summary>
public sealed class SubscriptionUpdatedEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.updated</c>.</summary>
    public const string EventType = "subscription.updated";
}
