namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>entitlement_grant.failed</c> event: the delivery of an entitlement grant failed. Handled by <see cref="IEntitlementGrantFailedHandler"/>.</summary>
public sealed class EntitlementGrantFailedEvent : WebhookEvent<EntitlementGrant>
{
    /// <summary>The event type on the wire: <c>entitlement_grant.failed</c>.</summary>
    public const string EventType = "entitlement_grant.failed";
}
