namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.plan_changed</c> event (a subscription changed plan (upgrade, downgrade, add-ons)); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionPlanChangedHandler : IWebhookHandler<SubscriptionPlanChangedEvent>
{
}
