using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A refund: the <c>data</c> of the <c>refund.*</c> events.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class Refund
{
    /// <summary>The refund's identifier, e.g. <c>ref_…</c>; every refund event has one.</summary>
    [JsonPropertyName("refund_id")]
    public string RefundId { get; set; } = string.Empty;

    /// <summary>The refunded payment.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>The business the refund belongs to.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>The brand the refund belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>When the refund was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The status (<c>succeeded</c>, <c>failed</c>, <c>pending</c>, <c>review</c>, …).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Whether only part of the payment was refunded.</summary>
    [JsonPropertyName("is_partial")]
    public bool? IsPartial { get; set; }

    /// <summary>The refunded amount in the currency's smallest unit, when known.</summary>
    [JsonPropertyName("amount")]
    public long? Amount { get; set; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>Why the refund was made.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>The customer (id, email, name).</summary>
    [JsonPropertyName("customer")]
    public Customer Customer { get; set; } = new();

    /// <summary>The metadata set by the merchant (values as strings; non-string values keep their JSON text).</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata Metadata { get; set; } = new();
}
