namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.failed</c> event (a subscription failed (no mandate could be created)); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionFailedHandler : IWebhookHandler<SubscriptionFailedEvent>
{
}
