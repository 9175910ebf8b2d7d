namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payout.failed</c> event (a payout failed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPayoutFailedHandler : IWebhookHandler<PayoutFailedEvent>
{
}
