namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.cancelled</c> event (a subscription was cancelled); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionCancelledHandler : IWebhookHandler<SubscriptionCancelledEvent>
{
}
