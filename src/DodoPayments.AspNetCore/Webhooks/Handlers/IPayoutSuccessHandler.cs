namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payout.success</c> event (a payout was paid); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPayoutSuccessHandler : IWebhookHandler<PayoutSuccessEvent>
{
}
