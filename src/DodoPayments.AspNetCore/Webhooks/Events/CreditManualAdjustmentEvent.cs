namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.manual_adjustment</c> event: a credit balance was adjusted by hand. Handled by <see cref="ICreditManualAdjustmentHandler"/>.</summary>
public sealed class CreditManualAdjustmentEvent : WebhookEvent<CreditLedgerEntry>
{
    /// <summary>The event type on the wire: <c>credit.manual_adjustment</c>.</summary>
    public const string EventType = "credit.manual_adjustment";
}
