namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>payment.processing</c> event (a payment is being processed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IPaymentProcessingHandler : IWebhookHandler<PaymentProcessingEvent>
{
}
