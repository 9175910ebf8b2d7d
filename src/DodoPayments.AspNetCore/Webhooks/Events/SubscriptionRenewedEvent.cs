namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.renewed</c> event: a subscription renewed. Handled by <see cref="ISubscriptionRenewedHandler"/>.</summary>
public sealed class SubscriptionRenewedEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.renewed</c>.</summary>
    public const string EventType = "subscription.renewed";
}
