namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payout.in_progress</c> event (a payout is in progress); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPayoutInProgressHandler : IWebhookHandler<PayoutInProgressEvent>
{
}
