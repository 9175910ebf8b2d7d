namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dispute.lost</c> event: the merchant lost a dispute. Handled by <see cref="IDisputeLostHandler"/>.</summary>
public sealed class DisputeLostEvent : WebhookEvent<Dispute>
{
    /// <summary>The event type on the wire: <c>dispute.lost</c>.</summary>
    public const string EventType = "dispute.lost";
}
