namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>entitlement_grant.created</c> event: an entitlement grant was created. Handled by <see cref="IEntitlementGrantCreatedHandler"/>.</summary>
public sealed class EntitlementGrantCreatedEvent : WebhookEvent<EntitlementGrant>
{
    /// <summary>The event type on the wire: <c>entitlement_grant.created</c>.</summary>
    public const string EventType = "entitlement_grant.created";
}
