namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.deducted</c> event (credits were deducted from a customer's balance); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditDeductedHandler : IWebhookHandler<CreditDeductedEvent>
{
}
