namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.paused</c> event (a subscription was paused); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionPausedHandler : IWebhookHandler<SubscriptionPausedEvent>
{
}
