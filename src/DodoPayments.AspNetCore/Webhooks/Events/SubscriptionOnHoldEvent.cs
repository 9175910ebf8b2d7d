namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.on_hold</c> event: a subscription was put on hold after a failed renewal. Handled by <see cref="ISubscriptionOnHoldHandler"/>.</summary>
public sealed class SubscriptionOnHoldEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.on_hold</c>.</summary>
    public const string EventType = "subscription.on_hold";
}
