namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.balance_low</c> event (a customer's credit balance fell below its threshold); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditBalanceLowHandler : IWebhookHandler<CreditBalanceLowEvent>
{
}
