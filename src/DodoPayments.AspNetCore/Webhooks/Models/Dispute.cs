using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A dispute (chargeback): the <c>data</c> of the <c>dispute.*</c> events.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class Dispute
{
    /// <summary>The dispute's identifier, e.g. <c>dsp_…</c>; every dispute event has one.</summary>
    [JsonPropertyName("dispute_id")]
    public string DisputeId { get; set; } = string.Empty;

    /// <summary>The disputed payment.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>The business the dispute belongs to.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>The brand the dispute belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>When the dispute was opened.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The disputed amount as Dodo sends it: documented as a string (a number is accepted and kept as its text).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; set; }

    /// <summary>The currency of the disputed amount.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The stage (<c>pre_dispute</c>, <c>dispute</c>, <c>pre_arbitration</c>, …).</summary>
    [JsonPropertyName("dispute_stage")]
    public string? DisputeStage { get; set; }

    /// <summary>The status (<c>dispute_opened</c>, <c>dispute_won</c>, <c>dispute_lost</c>, …).</summary>
    [JsonPropertyName("dispute_status")]
    public string? DisputeStatus { get; set; }

    /// <summary>The customer (id, email, name).</summary>
    [JsonPropertyName("customer")]
    public Customer Customer { get; set; } = new();

    /// <summary>The payment provider that reported the dispute.</summary>
    [JsonPropertyName("payment_provider")]
    public string? PaymentProvider { get; set; }

    /// <summary>The reason given for the dispute.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Remarks on the dispute.</summary>
    [JsonPropertyName("remarks")]
    public string? Remarks { get; set; }
}
