namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.deducted</c> event: credits were deducted from a customer's balance. Handled by <see cref="ICreditDeductedHandler"/>.</summary>
public sealed class CreditDeductedEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.deducted</c>.</summary>
    public const string EventType = "credit.deducted";
}
