using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The body of <c>POST /payments</c> (a one-time payment; with <see cref="PaymentLink"/> true, a hosted payment link).</summary>
public sealed class CreatePaymentRequest
{
    /// <summary>The products bought.</summary>
    [JsonPropertyName("product_cart")]
    public List<ProductCartItem> ProductCart { get; set; } = [];

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

    /// <summary>The merchant's metadata, kept on the payment.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }

    /// <summary>A discount code (not with <see cref="DiscountCodes"/>).</summary>
    [JsonPropertyName("discount_code")]
    public string? DiscountCode { get; set; }

    /// <summary>Stacked discount codes, at most 20 (not with <see cref="DiscountCode"/>).</summary>
    [JsonPropertyName("discount_codes")]
    public List<string>? DiscountCodes { get; set; }

    /// <summary>Fields this package does not model (<c>allowed_payment_method_types</c>, <c>billing_currency</c>, …); sent on unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
