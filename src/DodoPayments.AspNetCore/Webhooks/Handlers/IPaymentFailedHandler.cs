namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payment.failed</c> event (a payment attempt failed (declined card, error)); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPaymentFailedHandler : IWebhookHandler<PaymentFailedEvent>
{
}
