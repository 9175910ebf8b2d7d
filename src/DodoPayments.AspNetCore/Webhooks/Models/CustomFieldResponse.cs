using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A customer's answer to a custom checkout field.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class CustomFieldResponse
{
    /// <summary>The field's key.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = string.Empty;

    /// <summary>The customer's answer.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
