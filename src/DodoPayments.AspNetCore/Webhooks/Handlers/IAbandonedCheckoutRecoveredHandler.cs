namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>abandoned_checkout.recovered</c> event (an abandoned checkout was recovered); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IAbandonedCheckoutRecoveredHandler : IWebhookHandler<AbandonedCheckoutRecoveredEvent>
{
}
