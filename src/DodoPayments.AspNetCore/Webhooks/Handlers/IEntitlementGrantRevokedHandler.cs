namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>entitlement_grant.revoked</c> event (an entitlement grant was revoked); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IEntitlementGrantRevokedHandler : IWebhookHandler<EntitlementGrantRevokedEvent>
{
}
