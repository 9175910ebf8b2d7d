namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.expired</c> event: credits expired. Handled by <see cref="ICreditExpiredHandler"/>.</summary>
public sealed class CreditExpiredEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.expired</c>.</summary>
    public const string EventType = "credit.expired";
}
