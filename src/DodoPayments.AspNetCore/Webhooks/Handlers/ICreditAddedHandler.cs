namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.added</c> event (credits were added to a customer's balance); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditAddedHandler : IWebhookHandler<CreditAddedEvent>
{
}
