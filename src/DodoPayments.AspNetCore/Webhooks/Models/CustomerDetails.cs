using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The customer a payment, subscription, refund or dispute belongs to.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class CustomerDetails
{
    /// <summary>The customer's identifier, e.g. <c>cus_…</c>.</summary>
    [JsonPropertyName("customer_id")]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The customer's email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>The customer's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The customer's phone number, when known.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    /// <summary>The customer's metadata.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string?> Metadata { get; set; } = new Dictionary<string, string?>();
}
