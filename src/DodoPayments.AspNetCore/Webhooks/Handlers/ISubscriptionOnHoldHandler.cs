namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.on_hold</c> event (a subscription was put on hold after a failed renewal); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionOnHoldHandler : IWebhookHandler<SubscriptionOnHoldEvent>
{
}
