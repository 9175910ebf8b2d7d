namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>subscription.update_payment_method</c> event (a subscription's payment method was updated); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ISubscriptionUpdatePaymentMethodHandler : IWebhookHandler<SubscriptionUpdatePaymentMethodEvent>
{
}
