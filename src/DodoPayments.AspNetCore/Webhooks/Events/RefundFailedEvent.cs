namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>refund.failed</c> event: a refund attempt failed. Handled by <see cref="IRefundFailedHandler"/>.</summary>
public sealed class RefundFailedEvent : WebhookEvent<Refund>
{
    /// <summary>The event type on the wire: <c>refund.failed</c>.</summary>
    public const string EventType = "refund.failed";
}
