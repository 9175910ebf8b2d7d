namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>license_key.created</c> event: a license key was issued. Handled by <see cref="ILicenseKeyCreatedHandler"/>.</summary>
public sealed class LicenseKeyCreatedEvent : WebhookEvent<LicenseKey>
{
    /// <summary>The event type on the wire: <c>license_key.created</c>.</summary>
    public const string EventType = "license_key.created";
}
