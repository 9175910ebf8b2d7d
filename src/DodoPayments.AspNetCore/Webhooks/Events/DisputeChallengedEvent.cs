namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.challenged</c> event: the merchant challenged a dispute. Handled by <see cref="IDisputeChallengedHandler"/>.</summary>
public sealed class DisputeChallengedEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.challenged</c>.</summary>
    public const string EventType = "dispute.challenged";
}
