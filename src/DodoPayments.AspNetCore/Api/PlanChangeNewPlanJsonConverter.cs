using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// Reads <c>new_plan</c> into a <see cref="PlanChangeNewPlan"/> that keeps the raw object, and never fails the preview
/// over it: Dodo's subscription object grows often, and the charge is what a customer confirms.
/// </summary>
/// <remarks>Applied to the property, not the type, so the typed read below uses the context's plain metadata.</remarks>
internal sealed class PlanChangeNewPlanJsonConverter : JsonConverter<PlanChangeNewPlan>
{
    public override PlanChangeNewPlan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var raw = document.RootElement.Clone();
        PlanChangeNewPlan? plan = null;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            try
            {
                plan = raw.Deserialize(DodoApiJsonContext.Default.PlanChangeNewPlan);
            }
            catch (JsonException)
            {
                // A typed field in an unexpected shape: keep the raw object only.
            }
        }

        plan ??= new PlanChangeNewPlan();
        plan.Json = raw;
        return plan;
    }

    public override void Write(Utf8JsonWriter writer, PlanChangeNewPlan value, JsonSerializerOptions options)
    {
        if (value.Json.ValueKind != JsonValueKind.Undefined)
        {
            value.Json.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, DodoApiJsonContext.Default.PlanChangeNewPlan);
    }
}
