namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>entitlement_grant.revoked</c> event: an entitlement grant was revoked. Handled by <see cref="IEntitlementGrantRevokedHandler"/>.</summary>
public sealed class EntitlementGrantRevokedEvent : WebhookEvent<EntitlementGrant>
{
    /// <summary>The event type on the wire: <c>entitlement_grant.revoked</c>.</summary>
    public const string EventType = "entitlement_grant.revoked";
}
