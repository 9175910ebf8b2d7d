namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>abandoned_checkout.recovered</c> event: an abandoned checkout was recovered. Handled by <see cref="IAbandonedCheckoutRecoveredHandler"/>.</summary>
public sealed class AbandonedCheckoutRecoveredEvent : WebhookEvent<AbandonedCheckout>
{
    /// <summary>The event type on the wire: <c>abandoned_checkout.recovered</c>.</summary>
    public const string EventType = "abandoned_checkout.recovered";
}
