using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// A customer, as sent to Dodo and as Dodo sends it back: the <c>customer</c> of checkout sessions, payments and
/// subscriptions (and their answers), and of the webhook payloads. In a request, name an existing customer by
/// <see cref="CustomerId"/>, or a new one by <see cref="Email"/> (with <see cref="Name"/> and
/// <see cref="PhoneNumber"/>); Dodo's answers and webhooks carry all of them.
/// </summary>
/// <remarks>Read tolerantly: fields may be absent, and fields this package does not model are kept in <see cref="AdditionalProperties"/>.</remarks>
public sealed class Customer
{
    /// <summary>The customer's id (<c>cus_…</c>). The checkout endpoints refuse it from browsers unless the app's hook sets it.</summary>
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

    /// <summary>The customer's own metadata, as Dodo sends it back; null when absent. Not one of the fields a checkout request sends.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }

    /// <summary>Fields this package does not model; sent on unchanged, and kept when read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
