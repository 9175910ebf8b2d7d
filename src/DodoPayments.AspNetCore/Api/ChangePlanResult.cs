using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// The answer to <c>POST /subscriptions/{id}/change-plan</c>; the payment fields are set when the change charged the
/// customer. Dodo may answer the change with no body at all, which reads as a result with nothing set: the change went
/// through.
/// </summary>
public sealed class ChangePlanResult
{
    /// <summary>The payment of the change, when one was made.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>A page where the customer completes the payment, when one is needed.</summary>
    [JsonPropertyName("payment_link")]
    public string? PaymentLink { get; set; }

    /// <summary>The client secret of the payment.</summary>
    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; set; }

    /// <summary>When the payment link expires.</summary>
    [JsonPropertyName("expires_on")]
    public DateTimeOffset? ExpiresOn { get; set; }

    /// <summary>The rest of Dodo's answer, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
