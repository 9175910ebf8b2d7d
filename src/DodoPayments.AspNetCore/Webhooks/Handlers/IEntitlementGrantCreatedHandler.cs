namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>entitlement_grant.created</c> event (an entitlement grant was created); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IEntitlementGrantCreatedHandler : IWebhookHandler<EntitlementGrantCreatedEvent>
{
}
