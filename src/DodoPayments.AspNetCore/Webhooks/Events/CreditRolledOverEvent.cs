namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.rolled_over</c> event: unused credits rolled over to the next period. Handled by <see cref="ICreditRolledOverHandler"/>.</summary>
public sealed class CreditRolledOverEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.rolled_over</c>.</summary>
    public const string EventType = "credit.rolled_over";
}
