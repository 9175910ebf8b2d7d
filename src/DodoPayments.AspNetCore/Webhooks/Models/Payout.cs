using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A payout to the merchant: the <c>data</c> of the <c>payout.*</c> events.</summary>
/// <remarks>Older payloads omit <c>payload_type</c>; nothing here needs it. Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class Payout
{
    /// <summary>The payout's identifier.</summary>
    [JsonPropertyName("payout_id")]
    public string PayoutId { get; set; } = string.Empty;

    /// <summary>The business paid.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>The payout amount in the currency's smallest unit.</summary>
    [JsonPropertyName("amount")]
    public long? Amount { get; set; }

    /// <summary>The ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The fee charged for the payout.</summary>
    [JsonPropertyName("fee")]
    public long? Fee { get; set; }

    /// <summary>The status (<c>not_initiated</c>, <c>in_progress</c>, <c>on_hold</c>, <c>failed</c>, <c>success</c>, …).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>How the payout is paid.</summary>
    [JsonPropertyName("payment_method")]
    public string? PaymentMethod { get; set; }

    /// <summary>When the payout was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the payout last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The payout's recipient or purpose.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The URL of the payout's document.</summary>
    [JsonPropertyName("payout_document_url")]
    public string? PayoutDocumentUrl { get; set; }

    /// <summary>Remarks on the payout.</summary>
    [JsonPropertyName("remarks")]
    public string? Remarks { get; set; }
}
