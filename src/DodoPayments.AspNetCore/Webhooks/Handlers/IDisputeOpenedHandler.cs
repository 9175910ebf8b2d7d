namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.opened</c> event (a customer opened a dispute); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeOpenedHandler : IWebhookHandler<DisputeOpenedEvent>
{
}
