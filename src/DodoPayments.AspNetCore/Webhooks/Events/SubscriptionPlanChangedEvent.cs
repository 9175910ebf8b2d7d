namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.plan_changed</c> event: a subscription changed plan (upgrade, downgrade, add-ons). Handled by <see cref="ISubscriptionPlanChangedHandler"/>.</summary>
public sealed class SubscriptionPlanChangedEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.plan_changed</c>.</summary>
    public const string EventType = "subscription.plan_changed";
}
