using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A plan change scheduled for a later date.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class ScheduledPlanChange
{
    /// <summary>The scheduled change's identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The product the subscription changes to.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>The new quantity.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary>When the change takes effect.</summary>
    [JsonPropertyName("effective_at")]
    public DateTimeOffset? EffectiveAt { get; set; }

    /// <summary>The add-ons after the change.</summary>
    [JsonPropertyName("addons")]
    public IReadOnlyList<AddonCartItem> Addons { get; set; } = [];
}
