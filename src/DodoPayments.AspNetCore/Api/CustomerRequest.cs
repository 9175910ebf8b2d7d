using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The customer of a payment, subscription or checkout session: an existing one by <see cref="CustomerId"/>, or a new one by <see cref="Email"/>.</summary>
public sealed class CustomerRequest
{
    /// <summary>An existing customer's id. The checkout endpoints refuse it from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The customer's email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>The customer's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The customer's phone number.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    /// <summary>Fields Dodo added after this version of the package; sent on unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
}
