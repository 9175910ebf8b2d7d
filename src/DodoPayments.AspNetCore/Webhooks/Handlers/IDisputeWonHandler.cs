namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.won</c> event (the merchant won a dispute); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeWonHandler : IWebhookHandler<DisputeWonEvent>
{
}
