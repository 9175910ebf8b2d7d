namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dispute.challenged</c> event (the merchant challenged a dispute); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDisputeChallengedHandler : IWebhookHandler<DisputeChallengedEvent>
{
}
