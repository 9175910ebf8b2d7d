namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>credit.rollover_forfeited</c> event (credits past the rollover limit were forfeited); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ICreditRolloverForfeitedHandler : IWebhookHandler<CreditRolloverForfeitedEvent>
{
}
