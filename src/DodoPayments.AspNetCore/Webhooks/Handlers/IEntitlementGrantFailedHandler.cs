namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>entitlement_grant.failed</c> event (the delivery of an entitlement grant failed); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IEntitlementGrantFailedHandler : IWebhookHandler<EntitlementGrantFailedEvent>
{
}
