namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.accepted</c> event: the merchant accepted a dispute. Handled by <see cref="IDisputeAcceptedHandler"/>.</summary>
public sealed class DisputeAcceptedEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.accepted</c>.</summary>
    public const string EventType = "dispute.accepted";
}
