using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The body of <c>POST /subscriptions</c> (with <see cref="PaymentLink"/> true, a hosted payment link).</summary>
public sealed class CreateSubscriptionRequest
{
    /// <summary>The subscription product.</summary>
    [JsonPropertyName("product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>How many units; at least 1.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; set; } = 1;

    /// <summary>The billing address.</summary>
    [JsonPropertyName("billing")]
    public BillingAddress? Billing { get; set; }

    /// <summary>The customer.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>True to get a hosted <c>payment_link</c> back.</summary>
    [JsonPropertyName("payment_link")]
    public bool? PaymentLink { get; set; }

    /// <summary>Where the customer returns after paying.</summary>
    [JsonPropertyName("return_url")]
    public string? ReturnUrl { get; set; }

    /// <summary>The merchant's metadata, kept on the subscription.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }

    /// <summary>Addons bought with the subscription.</summary>
    [JsonPropertyName("addons")]
    public List<AddonCartItem>? Addons { get; set; }

    /// <summary>A discount code (not with <see cref="DiscountCodes"/>).</summary>
    [JsonPropertyName("discount_code")]
    public string? DiscountCode { get; set; }

    /// <summary>Stacked discount codes, at most 20 (not with <see cref="DiscountCode"/>).</summary>
    [JsonPropertyName("discount_codes")]
    public List<string>? DiscountCodes { get; set; }

    /// <summary>Free trial days, replacing the product's.</summary>
    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; set; }

    /// <summary>Fields this package does not model (<c>on_demand</c>, <c>billing_currency</c>, …); sent on unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
