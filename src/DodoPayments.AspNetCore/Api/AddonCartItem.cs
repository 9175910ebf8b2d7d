using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>An addon and its quantity.</summary>
public sealed class AddonCartItem
{
    /// <summary>The addon id.</summary>
    [JsonPropertyName("addon_id")]
    public string? AddonId { get; set; }

    /// <summary>How many; zero or more.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }
}
