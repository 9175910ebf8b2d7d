namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.overage_reset</c> event (the overage was reset); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditOverageResetHandler : IWebhookHandler<CreditOverageResetEvent>
{
}
