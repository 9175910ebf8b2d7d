namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.expired</c> event: a dispute expired without resolution. Handled by <see cref="IDisputeExpiredHandler"/>.</summary>
public sealed class DisputeExpiredEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.expired</c>.</summary>
    public const string EventType = "dispute.expired";
}
