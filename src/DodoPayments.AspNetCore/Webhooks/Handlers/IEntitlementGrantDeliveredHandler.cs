namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>entitlement_grant.delivered</c> event (an entitlement grant was delivered); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface IEntitlementGrantDeliveredHandler : IWebhookHandler<EntitlementGrantDeliveredEvent>
{
}
