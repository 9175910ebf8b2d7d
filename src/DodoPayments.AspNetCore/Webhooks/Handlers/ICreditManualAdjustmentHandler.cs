namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.manual_adjustment</c> event (a credit balance was adjusted by hand); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditManualAdjustmentHandler : IWebhookHandler<CreditManualAdjustmentEvent>
{
}
