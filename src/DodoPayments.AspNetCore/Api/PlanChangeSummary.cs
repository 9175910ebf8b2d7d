using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The totals of a plan change's immediate charge, in the currency's smallest unit.</summary>
public sealed class PlanChangeSummary
{
    /// <summary>ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The total charged now.</summary>
    [JsonPropertyName("total_amount")]
    public long? TotalAmount { get; set; }

    /// <summary>Tax in the total.</summary>
    [JsonPropertyName("tax")]
    public long? Tax { get; set; }

    /// <summary>Customer credits applied.</summary>
    [JsonPropertyName("customer_credits")]
    public long? CustomerCredits { get; set; }

    /// <summary>What the merchant receives.</summary>
    [JsonPropertyName("settlement_amount")]
    public long? SettlementAmount { get; set; }

    /// <summary>The merchant's settlement currency.</summary>
    [JsonPropertyName("settlement_currency")]
    public string? SettlementCurrency { get; set; }

    /// <summary>The rest of Dodo's answer, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
