namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.updated</c> event (a subscription's fields changed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionUpdatedHandler : IWebhookHandler<SubscriptionUpdatedEvent>
{
}
