using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>data</c> of the <c>dunning.*</c> events: the recovery of a subscription's failed renewal.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class DunningAttempt
{
    /// <summary>The subscription being recovered; identifies the attempt.</summary>
    [JsonPropertyName("subscription_id")]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The subscription's customer.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The brand the subscription belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>When dunning started.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The status (<c>recovering</c>, <c>recovered</c>, <c>exhausted</c>, …).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The subscription state that started dunning (<c>on_hold</c>, <c>cancelled</c>, …).</summary>
    [JsonPropertyName("trigger_state")]
    public string? TriggerState { get; set; }

    /// <summary>The payment that recovered the subscription, when it was.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }
}
