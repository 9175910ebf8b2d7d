using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The charge a plan change makes at once: its lines and its totals.</summary>
public sealed class PlanChangeImmediateCharge
{
    /// <summary>When the change takes effect.</summary>
    [JsonPropertyName("effective_at")]
    public DateTimeOffset? EffectiveAt { get; set; }

    /// <summary>The lines of the charge: the plan, its addons and its meters.</summary>
    [JsonPropertyName("line_items")]
    public List<PlanChangeLineItem>? LineItems { get; set; }

    /// <summary>The totals.</summary>
    [JsonPropertyName("summary")]
    public PlanChangeSummary? Summary { get; set; }

    /// <summary>The rest of Dodo's answer, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
