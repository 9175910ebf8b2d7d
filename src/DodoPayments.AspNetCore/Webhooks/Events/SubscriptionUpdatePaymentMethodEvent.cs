namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>subscription.update_payment_method</c> event: a subscription's payment method was updated. Handled by <see cref="ISubscriptionUpdatePaymentMethodHandler"/>.</summary>
public sealed class SubscriptionUpdatePaymentMethodEvent : WebhookEvent<Subscription>
{
    /// <summary>The event type on the wire: <c>subscription.update_payment_method</c>.</summary>
    public const string EventType = "subscription.update_payment_method";
}
