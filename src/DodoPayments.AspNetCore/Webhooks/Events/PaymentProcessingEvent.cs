namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payment.processing</c> event: a payment is being processed. Handled by <see cref="IPaymentProcessingHandler"/>.</summary>
public sealed class PaymentProcessingEvent : WebhookEvent<Payment>
{
    /// <summary>The event type on the wire: <c>payment.processing</c>.</summary>
    public const string EventType = "payment.processing";
}
