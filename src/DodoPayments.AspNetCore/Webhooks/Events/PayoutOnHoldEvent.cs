namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payout.on_hold</c> event: a payout was put on hold. Handled by <see cref="IPayoutOnHoldHandler"/>.</summary>
public sealed class PayoutOnHoldEvent : WebhookEvent<Payout>
{
    /// <summary>The event type on the wire: <c>payout.on_hold</c>.</summary>
    public const string EventType = "payout.on_hold";
}
