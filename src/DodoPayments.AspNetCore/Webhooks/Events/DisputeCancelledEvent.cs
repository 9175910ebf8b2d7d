namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.cancelled</c> event: a dispute was cancelled. Handled by <see cref="IDisputeCancelledHandler"/>.</summary>
public sealed class DisputeCancelledEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.cancelled</c>.</summary>
    public const string EventType = "dispute.cancelled";
}
