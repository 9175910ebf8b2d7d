namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.expired</c> event (a dispute expired without resolution); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeExpiredHandler : IWebhookHandler<DisputeExpiredEvent>
{
}
