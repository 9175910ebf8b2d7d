namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payout.failed</c> event: a payout failed. Handled by <see cref="IPayoutFailedHandler"/>.</summary>
public sealed class PayoutFailedEvent : WebhookEvent<Payout>
{
    /// <summary>The event type on the wire: <c>payout.failed</c>.</summary>
    public const string EventType = "payout.failed";
}
