namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.added</c> event: credits were added to a customer's balance. Handled by <see cref="ICreditAddedHandler"/>.</summary>
public sealed class CreditAddedEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.added</c>.</summary>
    public const string EventType = "credit.added";
}
