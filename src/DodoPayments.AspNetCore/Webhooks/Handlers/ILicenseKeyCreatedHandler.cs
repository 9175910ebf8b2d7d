namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Handles the <c>license_key.created</c> event (a license key was issued); register with <c>AddWebhookHandler&lt;T&gt;()</c> or as a scoped service.</summary>
public interface ILicenseKeyCreatedHandler : IWebhookHandler<LicenseKeyCreatedEvent>
{
}
