namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payment.cancelled</c> event (a payment was cancelled before completion); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPaymentCancelledHandler : IWebhookHandler<PaymentCancelledEvent>
{
}
