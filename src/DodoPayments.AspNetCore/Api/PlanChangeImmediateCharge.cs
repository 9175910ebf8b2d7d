using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The charge a plan change makes at once.</summary>
public sealed class PlanChangeImmediateCharge
{
    /// <summary>When the change takes effect.</summary>
    [JsonPropertyName("effective_at")]
    public DateTimeOffset? EffectiveAt { get; set; }

    /// <summary>The line items, as sent.</summary>
    [JsonPropertyName("line_items")]
    public List<JsonElement>? LineItems { get; set; }

    /// <summary>The totals.</summary>
    [JsonPropertyName("summary")]
    public PlanChangeSummary? Summary { get; set; }
}
