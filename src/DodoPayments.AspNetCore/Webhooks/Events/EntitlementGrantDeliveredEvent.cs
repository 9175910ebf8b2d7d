namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>entitlement_grant.delivered</c> event: an entitlement grant was delivered. Handled by <see cref="IEntitlementGrantDeliveredHandler"/>.</summary>
public sealed class EntitlementGrantDeliveredEvent : WebhookEvent<EntitlementGrant>
{
    /// <summary>The event type on the wire: <c>entitlement_grant.delivered</c>.</summary>
    public const string EventType = "entitlement_grant.delivered";
}
