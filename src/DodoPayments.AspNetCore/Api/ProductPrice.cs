using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>A product's price: one-time, recurring or usage based (see <see cref="Type"/>). Amounts are in the currency's smallest unit.</summary>
public sealed class ProductPrice
{
    /// <summary><c>one_time_price</c>, <c>recurring_price</c> or <c>usage_based_price</c>; other values are kept as sent.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The price in the currency's smallest unit (for pay-what-you-want, the minimum).</summary>
    [JsonPropertyName("price")]
    public long? Amount { get; set; }

    /// <summary>The fixed part of a usage-based price.</summary>
    [JsonPropertyName("fixed_price")]
    public long? FixedPrice { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>Discount applied to the price.</summary>
    [JsonPropertyName("discount")]
    public decimal? Discount { get; set; }

    /// <summary>Whether tax is included in the price.</summary>
    [JsonPropertyName("tax_inclusive")]
    public bool? TaxInclusive { get; set; }

    /// <summary>Whether the customer chooses the amount.</summary>
    [JsonPropertyName("pay_what_you_want")]
    public bool? PayWhatYouWant { get; set; }

    /// <summary>How many <see cref="PaymentFrequencyInterval"/> between charges (recurring prices).</summary>
    [JsonPropertyName("payment_frequency_count")]
    public int? PaymentFrequencyCount { get; set; }

    /// <summary><c>Day</c>, <c>Week</c>, <c>Month</c> or <c>Year</c> (recurring prices).</summary>
    [JsonPropertyName("payment_frequency_interval")]
    public string? PaymentFrequencyInterval { get; set; }

    /// <summary>How many <see cref="SubscriptionPeriodInterval"/> the subscription lasts (recurring prices).</summary>
    [JsonPropertyName("subscription_period_count")]
    public int? SubscriptionPeriodCount { get; set; }

    /// <summary><c>Day</c>, <c>Week</c>, <c>Month</c> or <c>Year</c> (recurring prices).</summary>
    [JsonPropertyName("subscription_period_interval")]
    public string? SubscriptionPeriodInterval { get; set; }

    /// <summary>Free trial days (recurring prices).</summary>
    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; set; }
}
