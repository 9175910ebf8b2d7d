using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>data</c> of the <c>abandoned_checkout.*</c> events.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class AbandonedCheckout
{
    /// <summary>The payment of the abandoned checkout; identifies it.</summary>
    [JsonPropertyName("payment_id")]
    public string PaymentId { get; set; } = string.Empty;

    /// <summary>The customer who abandoned the checkout.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The brand the checkout belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>When the checkout was abandoned.</summary>
    [JsonPropertyName("abandoned_at")]
    public DateTimeOffset? AbandonedAt { get; set; }

    /// <summary>Why (<c>payment_failed</c>, <c>checkout_incomplete</c>, …).</summary>
    [JsonPropertyName("abandonment_reason")]
    public string? AbandonmentReason { get; set; }

    /// <summary>The recovery status (<c>abandoned</c>, <c>recovering</c>, <c>recovered</c>, <c>exhausted</c>, <c>opted_out</c>, …).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The payment that recovered the checkout, when it was.</summary>
    [JsonPropertyName("recovered_payment_id")]
    public string? RecoveredPaymentId { get; set; }
}
