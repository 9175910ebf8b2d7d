using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A credit ledger entry: the <c>data</c> of the <c>credit.*</c> events except <c>credit.balance_low</c>.</summary>
/// <remarks>Amounts are decimal strings on the wire; numbers are accepted and kept as their text. Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class CreditLedgerEntry
{
    /// <summary>The ledger entry's identifier.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The amount of credits of this entry.</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; set; }

    /// <summary>The balance before the entry.</summary>
    [JsonPropertyName("balance_before")]
    public string? BalanceBefore { get; set; }

    /// <summary>The balance after the entry.</summary>
    [JsonPropertyName("balance_after")]
    public string? BalanceAfter { get; set; }

    /// <summary>The overage before the entry.</summary>
    [JsonPropertyName("overage_before")]
    public string? OverageBefore { get; set; }

    /// <summary>The overage after the entry.</summary>
    [JsonPropertyName("overage_after")]
    public string? OverageAfter { get; set; }

    /// <summary>The brand the entry belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>The business the entry belongs to.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>When the entry was made.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The credit entitlement the entry belongs to.</summary>
    [JsonPropertyName("credit_entitlement_id")]
    public string? CreditEntitlementId { get; set; }

    /// <summary>The customer whose balance changed.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>Whether the entry adds credits (true) or removes them (false).</summary>
    [JsonPropertyName("is_credit")]
    public bool? IsCredit { get; set; }

    /// <summary>The metadata set by the merchant (values as strings; non-string values keep their JSON text).</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata Metadata { get; set; } = new();

    /// <summary>The kind of entry (<c>credit_added</c>, <c>credit_deducted</c>, <c>overage_charged</c>, …).</summary>
    [JsonPropertyName("transaction_type")]
    public string? TransactionType { get; set; }

    /// <summary>A description of the entry.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The credit grant concerned, when any.</summary>
    [JsonPropertyName("grant_id")]
    public string? GrantId { get; set; }

    /// <summary>The object that caused the entry, when any.</summary>
    [JsonPropertyName("reference_id")]
    public string? ReferenceId { get; set; }

    /// <summary>The kind of object that caused the entry.</summary>
    [JsonPropertyName("reference_type")]
    public string? ReferenceType { get; set; }
}
