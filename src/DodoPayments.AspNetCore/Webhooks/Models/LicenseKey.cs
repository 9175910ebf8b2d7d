using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A license key: the <c>data</c> of <c>license_key.created</c>.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class LicenseKey
{
    /// <summary>The license key's identifier, e.g. <c>lic_…</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The license key itself.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The product the key unlocks.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>The customer the key was issued to.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The business the key belongs to.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>The brand the key belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>When the key was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The status (<c>active</c>, <c>expired</c>, <c>disabled</c>, …).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>What issued the key.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>How many instances are activated.</summary>
    [JsonPropertyName("instances_count")]
    public int? InstancesCount { get; set; }

    /// <summary>The most activations allowed, when limited.</summary>
    [JsonPropertyName("activations_limit")]
    public int? ActivationsLimit { get; set; }

    /// <summary>When the key expires, when it does.</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The payment that issued the key.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>The subscription that issued the key.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; set; }
}
