namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payout.in_progress</c> event: a payout is in progress. Handled by <see cref="IPayoutInProgressHandler"/>.</summary>
public sealed class PayoutInProgressEvent : WebhookEvent<Payout>
{
    /// <summary>The event type on the wire: <c>payout.in_progress</c>.</summary>
    public const string EventType = "payout.in_progress";
}
