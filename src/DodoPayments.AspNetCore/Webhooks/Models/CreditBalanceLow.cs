using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>data</c> of <c>credit.balance_low</c>: a customer's credit balance fell below its threshold.</summary>
/// <remarks>Amounts are decimal strings on the wire; numbers are accepted and kept as their text. Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class CreditBalanceLow
{
    /// <summary>The credit entitlement whose balance is low.</summary>
    [JsonPropertyName("credit_entitlement_id")]
    public string CreditEntitlementId { get; set; } = string.Empty;

    /// <summary>The credit entitlement's name.</summary>
    [JsonPropertyName("credit_entitlement_name")]
    public string? CreditEntitlementName { get; set; }

    /// <summary>The customer whose balance is low.</summary>
    [JsonPropertyName("customer_id")]
    public string? CustomerId { get; set; }

    /// <summary>The subscription that grants the credits.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; set; }

    /// <summary>The brand the entitlement belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>The balance left.</summary>
    [JsonPropertyName("available_balance")]
    public string? AvailableBalance { get; set; }

    /// <summary>The credits the subscription grants per period.</summary>
    [JsonPropertyName("subscription_credits_amount")]
    public string? SubscriptionCreditsAmount { get; set; }

    /// <summary>The threshold crossed, as an amount.</summary>
    [JsonPropertyName("threshold_amount")]
    public string? ThresholdAmount { get; set; }

    /// <summary>The threshold crossed, as a percentage.</summary>
    [JsonPropertyName("threshold_percent")]
    public int? ThresholdPercent { get; set; }
}
