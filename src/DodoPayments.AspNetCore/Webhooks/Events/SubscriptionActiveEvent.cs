namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.active</c> event: a subscription became active. Handled by <see cref="ISubscriptionActiveHandler"/>.</summary>
public sealed class SubscriptionActiveEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.active</c>.</summary>
    public const string EventType = "subscription.active";
}
