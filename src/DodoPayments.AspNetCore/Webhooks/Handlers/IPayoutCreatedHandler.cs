namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payout.created</c> event (a payout was created); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPayoutCreatedHandler : IWebhookHandler<PayoutCreatedEvent>
{
}
