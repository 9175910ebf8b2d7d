namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.unpaused</c> event (a paused subscription resumed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionUnpausedHandler : IWebhookHandler<SubscriptionUnpausedEvent>
{
}
