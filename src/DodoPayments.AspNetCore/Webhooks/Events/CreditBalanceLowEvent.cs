namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>credit.balance_low</c> event: a customer's credit balance fell below its threshold. Handled by <see cref="ICreditBalanceLowHandler"/>.</summary>
public sealed class CreditBalanceLowEvent : WebhookEvent<CreditBalanceLow>
{
    /// <summary>The event type on the wire: <c>credit.balance_low</c>.</summary>
    public const string EventType = "credit.balance_low";
}
