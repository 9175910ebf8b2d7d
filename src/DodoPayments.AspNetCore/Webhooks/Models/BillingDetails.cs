using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The billing address of a payment or subscription.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class BillingDetails
{
    /// <summary>The ISO 3166 alpha-2 country code.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>The street address.</summary>
    [JsonPropertyName("street")]
    public string? Street { get; set; }

    /// <summary>The city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; set; }

    /// <summary>The state or region.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>The postal code.</summary>
    [JsonPropertyName("zipcode")]
    public string? Zipcode { get; set; }
}
