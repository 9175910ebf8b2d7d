namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.expired</c> event (credits expired); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditExpiredHandler : IWebhookHandler<CreditExpiredEvent>
{
}
