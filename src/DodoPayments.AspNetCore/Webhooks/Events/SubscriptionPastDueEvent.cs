namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.past_due</c> event: a subscription's renewal payment is past due. Handled by <see cref="ISubscriptionPastDueHandler"/>.</summary>
public sealed class SubscriptionPastDueEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.past_due</c>.</summary>
    public const string EventType = "subscription.past_due";
}
