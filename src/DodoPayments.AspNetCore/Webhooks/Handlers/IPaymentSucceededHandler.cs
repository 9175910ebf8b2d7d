namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payment.succeeded</c> event (a payment succeeded: the customer paid); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPaymentSucceededHandler : IWebhookHandler<PaymentSucceededEvent>
{
}
