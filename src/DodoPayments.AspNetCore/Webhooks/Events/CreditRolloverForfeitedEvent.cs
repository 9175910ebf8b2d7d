namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.rollover_forfeited</c> event: credits past the rollover limit were forfeited. Handled by <see cref="ICreditRolloverForfeitedHandler"/>.</summary>
public sealed class CreditRolloverForfeitedEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.rollover_forfeited</c>.</summary>
    public const string EventType = "credit.rollover_forfeited";
}
