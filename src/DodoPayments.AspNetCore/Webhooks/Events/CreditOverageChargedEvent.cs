namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.overage_charged</c> event: usage beyond the credit balance was charged. Handled by <see cref="ICreditOverageChargedHandler"/>.</summary>
public sealed class CreditOverageChargedEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.overage_charged</c>.</summary>
    public const string EventType = "credit.overage_charged";
}
