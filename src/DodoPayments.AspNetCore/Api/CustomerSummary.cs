using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The customer as Dodo returns it in answers.</summary>
public sealed class CustomerSummary
{
    /// <summary>The customer id (<c>cus_…</c>).</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The customer's email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>The customer's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
