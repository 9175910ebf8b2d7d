namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>refund.succeeded</c> event (a refund was processed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IRefundSucceededHandler : IWebhookHandler<RefundSucceededEvent>
{
}
