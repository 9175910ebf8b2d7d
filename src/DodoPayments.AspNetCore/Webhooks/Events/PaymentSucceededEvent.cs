namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payment.succeeded</c> event: a payment succeeded: the customer paid. Handled by <see cref="IPaymentSucceededHandler"/>.</summary>
public sealed class PaymentSucceededEvent : WebhookEvent<Payment>
{
    /// <summary>The event type on the wire: <c>payment.succeeded</c>.</summary>
    public const string EventType = "payment.succeeded";
}
