namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>refund.succeeded</c> event: a refund was processed. Handled by <see cref="IRefundSucceededHandler"/>.</summary>
public sealed class RefundSucceededEvent : WebhookEvent<Refund>
{
    /// <summary>The event type on the wire: <c>refund.succeeded</c>.</summary>
    public const string EventType = "refund.succeeded";
}
