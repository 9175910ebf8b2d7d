namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payment.failed</c> event: a payment attempt failed (declined card, error). Handled by <see cref="IPaymentFailedHandler"/>.</summary>
public sealed class PaymentFailedEvent : WebhookEvent<Payment>
{
    /// <summary>The event type on the wire: <c>payment.failed</c>.</summary>
    public const string EventType = "payment.failed";
}
