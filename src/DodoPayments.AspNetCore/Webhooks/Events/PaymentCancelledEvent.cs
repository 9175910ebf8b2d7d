namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payment.cancelled</c> event: a payment was cancelled before completion. Handled by <see cref="IPaymentCancelledHandler"/>.</summary>
public sealed class PaymentCancelledEvent : WebhookEvent<Payment>
{
    /// <summary>The event type on the wire: <c>payment.cancelled</c>.</summary>
    public const string EventType = "payment.cancelled";
}
