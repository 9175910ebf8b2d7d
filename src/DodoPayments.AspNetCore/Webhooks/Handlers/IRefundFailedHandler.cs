namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>refund.failed</c> event (a refund attempt failed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IRefundFailedHandler : IWebhookHandler<RefundFailedEvent>
{
}
