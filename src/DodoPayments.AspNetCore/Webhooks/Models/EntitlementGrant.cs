using System.Text.Json;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>An entitlement grant: the <c>data</c> of the <c>entitlement_grant.*</c> events.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class EntitlementGrant
{
    /// <summary>The grant's identifier.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The brand the grant belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>The business the grant belongs to.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>When the grant was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the grant last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The customer the grant was issued to.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The entitlement the grant was issued from.</summary>
    [JsonPropertyName("entitlement_id")]
    public string? EntitlementId { get; set; }

    /// <summary>The entitlement's integration (e.g. <c>license_key</c>, <c>digital_files</c>).</summary>
    [JsonPropertyName("integration_type")]
    public string? IntegrationType { get; set; }

    /// <summary>The metadata set by the merchant (values as strings; non-string values keep their JSON text).</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata Metadata { get; set; } = new();

    /// <summary>The status (<c>Pending</c>, <c>Delivered</c>, <c>Failed</c>, <c>Revoked</c>, …).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>When the grant was delivered.</summary>
    [JsonPropertyName("delivered_at")]
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>When the grant was revoked.</summary>
    [JsonPropertyName("revoked_at")]
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why the grant was revoked.</summary>
    [JsonPropertyName("revocation_reason")]
    public string? RevocationReason { get; set; }

    /// <summary>Why delivery failed (machine-readable).</summary>
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    /// <summary>Why delivery failed (human-readable).</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; set; }

    /// <summary>The license key delivered, for <c>license_key</c> entitlements.</summary>
    [JsonPropertyName("license_key")]
    public LicenseKeyGrant? LicenseKey { get; set; }

    /// <summary>The digital product delivery, as raw JSON, for <c>digital_files</c> entitlements.</summary>
    [JsonPropertyName("digital_product_delivery")]
    public JsonElement? DigitalProductDelivery { get; set; }

    /// <summary>The customer-facing OAuth URL, for OAuth integrations.</summary>
    [JsonPropertyName("oauth_url")]
    public string? OauthUrl { get; set; }

    /// <summary>When <see cref="OauthUrl"/> stops being valid.</summary>
    [JsonPropertyName("oauth_expires_at")]
    public DateTimeOffset? OauthExpiresAt { get; set; }

    /// <summary>The payment that triggered the grant.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>The subscription that triggered the grant.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; set; }
}
