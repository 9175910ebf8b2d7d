namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.won</c> event: the merchant won a dispute. Handled by <see cref="IDisputeWonHandler"/>.</summary>
public sealed class DisputeWonEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.won</c>.</summary>
    public const string EventType = "dispute.won";
}
