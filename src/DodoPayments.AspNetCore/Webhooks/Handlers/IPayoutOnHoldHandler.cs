namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payout.on_hold</c> event (a payout was put on hold); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPayoutOnHoldHandler : IWebhookHandler<PayoutOnHoldEvent>
{
}
