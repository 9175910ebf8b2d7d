namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payout.created</c> event: a payout was created. Handled by <see cref="IPayoutCreatedHandler"/>.</summary>
public sealed class PayoutCreatedEvent : WebhookEvent<Payout>
{
    /// <summary>The event type on the wire: <c>payout.created</c>.</summary>
    public const string EventType = "payout.created";
}
