namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.accepted</c> event (the merchant accepted a dispute); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeAcceptedHandler : IWebhookHandler<DisputeAcceptedEvent>
{
}
