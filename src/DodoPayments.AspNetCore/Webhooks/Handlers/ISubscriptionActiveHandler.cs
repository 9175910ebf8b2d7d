namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.active</c> event (a subscription became active); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionActiveHandler : IWebhookHandler<SubscriptionActiveEvent>
{
}
