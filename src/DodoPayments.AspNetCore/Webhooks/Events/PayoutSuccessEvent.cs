namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>payout.success</c> event: a payout was paid. Handled by <see cref="IPayoutSuccessHandler"/>.</summary>
public sealed class PayoutSuccessEvent : WebhookEvent<Payout>
{
    /// <summary>The event type on the wire: <c>payout.success</c>.</summary>
    public const string EventType = "payout.success";
}
