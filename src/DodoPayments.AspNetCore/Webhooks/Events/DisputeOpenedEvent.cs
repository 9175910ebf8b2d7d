namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.opened</c> event: a customer opened a dispute. Handled by <see cref="IDisputeOpenedHandler"/>.</summary>
public sealed class DisputeOpenedEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.opened</c>.</summary>
    public const string EventType = "dispute.opened";
}
