namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>dunning.started</c> event (dunning (recovery of a failed renewal) started); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IDunningStartedHandler : IWebhookHandler<DunningStartedEvent>
{
}
