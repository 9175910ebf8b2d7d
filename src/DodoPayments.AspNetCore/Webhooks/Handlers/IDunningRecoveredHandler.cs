namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dunning.recovered</c> event (dunning recovered a failed renewal); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDunningRecoveredHandler : IWebhookHandler<DunningRecoveredEvent>
{
}
