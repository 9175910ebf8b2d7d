namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.rolled_over</c> event (unused credits rolled over to the next period); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditRolledOverHandler : IWebhookHandler<CreditRolledOverEvent>
{
}
