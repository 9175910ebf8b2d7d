namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.past_due</c> event (a subscription's renewal payment is past due); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionPastDueHandler : IWebhookHandler<SubscriptionPastDueEvent>
{
}
