namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.overage_reset</c> event: the overage was reset. Handled by <see cref="ICreditOverageResetHandler"/>.</summary>
public sealed class CreditOverageResetEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.overage_reset</c>.</summary>
    public const string EventType = "credit.overage_reset";
}
