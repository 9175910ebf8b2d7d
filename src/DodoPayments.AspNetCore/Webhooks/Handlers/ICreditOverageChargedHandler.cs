namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.overage_charged</c> event (usage beyond the credit balance was charged); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditOverageChargedHandler : IWebhookHandler<CreditOverageChargedEvent>
{
}
