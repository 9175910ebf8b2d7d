namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>abandoned_checkout.detected</c> event: a checkout was abandoned. Handled by <see cref="IAbandonedCheckoutDetectedHandler"/>.</summary>
public sealed class AbandonedCheckoutDetectedEvent : WebhookEvent<AbandonedCheckout>
{
    /// <summary>The event type on the wire: <c>abandoned_checkout.detected</c>.</summary>
    public const string EventType = "abandoned_checkout.detected";
}
