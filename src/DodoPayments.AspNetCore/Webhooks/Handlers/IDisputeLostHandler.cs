namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.lost</c> event (the merchant lost a dispute); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeLostHandler : IWebhookHandler<DisputeLostEvent>
{
}
