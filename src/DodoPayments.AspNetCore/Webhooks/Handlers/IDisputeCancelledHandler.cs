namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.cancelled</c> event (a dispute was cancelled); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeCancelledHandler : IWebhookHandler<DisputeCancelledEvent>
{
}
