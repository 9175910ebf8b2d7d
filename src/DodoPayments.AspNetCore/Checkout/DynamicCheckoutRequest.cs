using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>
/// The body of a dynamic checkout (<c>POST</c> of <c>MapDodoDynamicCheckout</c>), as the official adaptors accept it:
/// <see cref="ProductId"/> and <see cref="Quantity"/> (a subscription or a single product) or <see cref="ProductCart"/>
/// (one-time products). The product decides: a subscription product becomes <c>POST /subscriptions</c>, a one-time
/// product <c>POST /payments</c>, both with <c>payment_link: true</c>. Dodo requires <see cref="Billing"/> (with its
/// country) and <see cref="Customer"/>; they are checked after the app's hooks, which may fill them in. Fields this
/// package does not model are kept in <see cref="AdditionalProperties"/>: treated as in a checkout session (refused
/// from a browser unless <see cref="DodoCheckoutOptions.ForwardUnknownFields"/> is on; a hook may set them).
/// </summary>
public sealed class DynamicCheckoutRequest
{
    /// <summary>The product (a subscription, or a single one-time product); not needed when <see cref="ProductCart"/> is set.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>How many units of <see cref="ProductId"/>; 1 when absent.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary>One-time products and their quantities; built from <see cref="ProductId"/> and <see cref="Quantity"/> when absent.</summary>
    [JsonPropertyName("product_cart")]
    public List<ProductCartItem>? ProductCart { get; set; }

    /// <summary>The billing address, with its <c>country</c>; required (from the browser or the app's hook).</summary>
    [JsonPropertyName("billing")]
    public BillingAddress? Billing { get; set; }

    /// <summary>The customer: <c>{email, name}</c>, or <c>{customer_id}</c> when the app's hook sets it; required.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The merchant's metadata: string, number or boolean values, at most 50 keys.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }

    /// <summary>A discount code (not with <see cref="DiscountCodes"/>).</summary>
    [JsonPropertyName("discount_code")]
    public string? DiscountCode { get; set; }

    /// <summary>Stacked discount codes, at most 20 (not with <see cref="DiscountCode"/>).</summary>
    [JsonPropertyName("discount_codes")]
    public List<string>? DiscountCodes { get; set; }

    /// <summary>Addons bought with a subscription (not sent for one-time products).</summary>
    [JsonPropertyName("addons")]
    public List<AddonCartItem>? Addons { get; set; }

    /// <summary>Free trial days of a subscription, replacing the product's (not sent for one-time products). A billing term: refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; set; }

    /// <summary>On-demand settings of a subscription (not sent for one-time products). A billing term: refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("on_demand")]
    public JsonObject? OnDemand { get; set; }

    /// <summary>ISO 4217 currency to bill in.</summary>
    [JsonPropertyName("billing_currency")]
    public string? BillingCurrency { get; set; }

    /// <summary>The payment method types offered.</summary>
    [JsonPropertyName("allowed_payment_method_types")]
    public List<string>? AllowedPaymentMethodTypes { get; set; }

    /// <summary>The customer's tax id.</summary>
    [JsonPropertyName("tax_id")]
    public string? TaxId { get; set; }

    /// <summary>
    /// Where the customer returns after paying; falls back to <see cref="DodoPaymentsOptions.ReturnUrl"/>. From a browser it
    /// must be on an allowed host (<see cref="DodoPaymentsOptions.AllowedReturnHosts"/>); the app's hook may set any.
    /// </summary>
    [JsonPropertyName("return_url")]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the customer's saved payment methods are shown. Refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("show_saved_payment_methods")]
    public bool? ShowSavedPaymentMethods { get; set; }

    /// <summary>A saved payment method to charge. Refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; set; }

    /// <summary>
    /// Fields this package does not model; sent on unchanged to <c>POST /payments</c> or <c>POST /subscriptions</c>
    /// (except <c>payment_link</c>, which this flow sets itself). From a browser they are refused unless
    /// <see cref="DodoCheckoutOptions.ForwardUnknownFields"/> is on; the app's hook may always set them.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
