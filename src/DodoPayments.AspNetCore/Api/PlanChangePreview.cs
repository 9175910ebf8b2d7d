using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The answer to <c>POST /subscriptions/{id}/change-plan/preview</c>: what would be charged now, and the plan after the change.</summary>
public sealed class PlanChangePreview
{
    /// <summary>The charge made at once if the change goes ahead.</summary>
    [JsonPropertyName("immediate_charge")]
    public PlanChangeImmediateCharge? ImmediateCharge { get; set; }

    /// <summary>The subscription as it would be after the change, as sent.</summary>
    [JsonPropertyName("new_plan")]
    public JsonElement NewPlan { get; set; }
}
