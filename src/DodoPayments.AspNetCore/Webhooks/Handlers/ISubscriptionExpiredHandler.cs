namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.expired</c> event (a subscription reached the end of its term); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionExpiredHandler : IWebhookHandler<SubscriptionExpiredEvent>
{
}
