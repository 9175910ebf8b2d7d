namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.renewed</c> event (a subscription renewed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionRenewedHandler : IWebhookHandler<SubscriptionRenewedEvent>
{
}
