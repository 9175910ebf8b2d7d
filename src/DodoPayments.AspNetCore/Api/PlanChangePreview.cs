using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// The answer to <c>POST /subscriptions/{id}/change-plan/preview</c>: what would be charged now, and the subscription
/// after the change. Nothing changes until the change itself is made.
/// </summary>
public sealed class PlanChangePreview
{
    /// <summary>The charge made at once if the change goes ahead: its lines and totals.</summary>
    [JsonPropertyName("immediate_charge")]
    public PlanChangeImmediateCharge? ImmediateCharge { get; set; }

    /// <summary>The subscription as it would be after the change, typed, with the object as sent in <see cref="PlanChangeNewPlan.Json"/>.</summary>
    [JsonPropertyName("new_plan")]
    [JsonConverter(typeof(PlanChangeNewPlanJsonConverter))]
    public PlanChangeNewPlan? NewPlan { get; set; }

    /// <summary>The rest of Dodo's answer, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
