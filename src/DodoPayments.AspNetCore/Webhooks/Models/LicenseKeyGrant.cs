using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The license key delivered by an entitlement grant.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class LicenseKeyGrant
{
    /// <summary>The issued license key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>How many activations are used.</summary>
    [JsonPropertyName("activations_used")]
    public int? ActivationsUsed { get; set; }

    /// <summary>The most activations allowed, when limited.</summary>
    [JsonPropertyName("activations_limit")]
    public int? ActivationsLimit { get; set; }

    /// <summary>When the key expires, when it does.</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; set; }
}
