using System.Text.Json;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>
/// The body of a checkout session: what the checkout endpoint's <c>POST</c> accepts and what goes to Dodo's
/// <c>POST /checkouts</c>. Fields this package does not model are kept in <see cref="AdditionalProperties"/> and sent on
/// unchanged, because the API grows often.
/// </summary>
public sealed class CheckoutSessionRequest
{
    /// <summary>The products bought (at least one, unless <see cref="ProductCollectionId"/> is set).</summary>
    [JsonPropertyName("product_cart")]
    public List<ProductCartItem>? ProductCart { get; set; }

    /// <summary>A product collection: the customer picks one of its products at checkout.</summary>
    [JsonPropertyName("product_collection_id")]
    public string? ProductCollectionId { get; set; }

    /// <summary>The customer: <c>{email, name?, phone_number?}</c>, or <c>{customer_id}</c> when the app's hook sets it.</summary>
    [JsonPropertyName("customer")]
    public CustomerRequest? Customer { get; set; }

    /// <summary>The billing address; <c>country</c> is required when present.</summary>
    [JsonPropertyName("billing_address")]
    public BillingAddress? BillingAddress { get; set; }

    /// <summary>ISO 4217 currency to bill in.</summary>
    [JsonPropertyName("billing_currency")]
    public string? BillingCurrency { get; set; }

    /// <summary>The payment method types offered.</summary>
    [JsonPropertyName("allowed_payment_method_types")]
    public List<string>? AllowedPaymentMethodTypes { get; set; }

    /// <summary>Where the customer returns after paying; falls back to <see cref="DodoPaymentsOptions.ReturnUrl"/>.</summary>
    [JsonPropertyName("return_url")]
    public string? ReturnUrl { get; set; }

    /// <summary>Where the customer goes on cancelling.</summary>
    [JsonPropertyName("cancel_url")]
    public string? CancelUrl { get; set; }

    /// <summary>True to confirm the session at once.</summary>
    [JsonPropertyName("confirm")]
    public bool? Confirm { get; set; }

    /// <summary>A discount code (not with <see cref="DiscountCodes"/>).</summary>
    [JsonPropertyName("discount_code")]
    public string? DiscountCode { get; set; }

    /// <summary>Stacked discount codes, at most 20 (not with <see cref="DiscountCode"/>).</summary>
    [JsonPropertyName("discount_codes")]
    public List<string>? DiscountCodes { get; set; }

    /// <summary>The merchant's metadata: string, number or boolean values, at most 50 keys.</summary>
    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; set; }

    /// <summary>Whether the customer's saved payment methods are shown. Refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("show_saved_payment_methods")]
    public bool? ShowSavedPaymentMethods { get; set; }

    /// <summary>A saved payment method to charge (confirm mode). Refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; set; }

    /// <summary>Fields this package does not model (<c>customization</c>, <c>feature_flags</c>, <c>subscription_data</c>, …); sent on unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
