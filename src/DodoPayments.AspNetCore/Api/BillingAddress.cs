using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>A billing address (<c>billing</c> of payments and subscriptions, <c>billing_address</c> of checkout sessions).</summary>
public sealed class BillingAddress
{
    /// <summary>ISO 3166-1 alpha-2 country code, such as <c>US</c>.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>Street address.</summary>
    [JsonPropertyName("street")]
    public string? Street { get; set; }

    /// <summary>City.</summary>
    [JsonPropertyName("city")]
    public string? City { get; set; }

    /// <summary>State or province.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Postal code.</summary>
    [JsonPropertyName("zipcode")]
    public string? Zipcode { get; set; }
}
