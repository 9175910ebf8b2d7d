using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>An add-on of a subscription.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class SubscriptionAddon
{
    /// <summary>The add-on's identifier.</summary>
    [JsonPropertyName("addon_id")]
    public string AddonId { get; set; } = string.Empty;

    /// <summary>How many of the add-on.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; set; }
}
