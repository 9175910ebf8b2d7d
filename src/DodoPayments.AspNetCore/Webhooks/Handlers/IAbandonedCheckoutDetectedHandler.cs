namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>abandoned_checkout.detected</c> event (a checkout was abandoned); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IAbandonedCheckoutDetectedHandler : IWebhookHandler<AbandonedCheckoutDetectedEvent>
{
}
