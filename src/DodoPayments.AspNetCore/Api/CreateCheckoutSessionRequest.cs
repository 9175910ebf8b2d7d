using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// The body of Dodo's <c>POST /checkouts</c> (a checkout session), as <see cref="IDodoPaymentsApiClient"/> sends it.
/// The checkout endpoint's <c>POST</c> reads the same body as <c>DodoPayments.AspNetCore.Checkout.CheckoutSessionRequest</c>,
/// which adds nothing to it. Fields this package does not model are kept in <see cref="AdditionalProperties"/>,
/// because the API grows often: the app's hook may set them, and they are sent on unchanged; from a browser they are
/// refused unless <c>DodoPayments:Checkout:ForwardUnknownFields</c> is on.
/// </summary>
public class CreateCheckoutSessionRequest
{
    /// <summary>The products bought (at least one, unless <see cref="ProductCollectionId"/> is set).</summary>
    [JsonPropertyName("product_cart")]
    public List<ProductCartItem>? ProductCart { get; set; }

    /// <summary>A product collection: the customer picks one of its products at checkout.</summary>
    [JsonPropertyName("product_collection_id")]
    public string? ProductCollectionId { get; set; }

    /// <summary>The customer: <c>{email, name?, phone_number?}</c>, or <c>{customer_id}</c> when the app's hook sets it.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The billing address; <c>country</c> is required when present.</summary>
    [JsonPropertyName("billing_address")]
    public BillingAddress? BillingAddress { get; set; }

    /// <summary>ISO 4217 currency to bill in.</summary>
    [JsonPropertyName("billing_currency")]
    public string? BillingCurrency { get; set; }

    /// <summary>The payment method types offered.</summary>
    [JsonPropertyName("allowed_payment_method_types")]
    public List<string>? AllowedPaymentMethodTypes { get; set; }

    /// <summary>
    /// Where the customer returns after paying; falls back to <see cref="DodoPaymentsOptions.ReturnUrl"/>. From a browser it
    /// must be on an allowed host (<see cref="DodoPaymentsOptions.AllowedReturnHosts"/>, by default the host of the
    /// configured return URL); the app's hook may set any.
    /// </summary>
    [JsonPropertyName("return_url")]
    public string? ReturnUrl { get; set; }

    /// <summary>Where the customer goes on cancelling. From a browser it must be on an allowed host, as <see cref="ReturnUrl"/>.</summary>
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
    public DodoMetadata? Metadata { get; set; }

    /// <summary>The look of the checkout page (<c>theme</c>, <c>show_order_details</c>, <c>force_language</c>, …), sent as given.</summary>
    [JsonPropertyName("customization")]
    public JsonObject? Customization { get; set; }

    /// <summary>Checkout features (<c>allow_discount_code</c>, <c>allow_currency_selection</c>, <c>redirect_immediately</c>, …), sent as given.</summary>
    [JsonPropertyName("feature_flags")]
    public JsonObject? FeatureFlags { get; set; }

    /// <summary>
    /// Subscription settings (<c>trial_period_days</c>, <c>on_demand</c>), sent as given. Both set billing terms, so a
    /// browser may not send them (400 naming <c>subscription_data.trial_period_days</c>); the app's hook may.
    /// </summary>
    [JsonPropertyName("subscription_data")]
    public JsonObject? SubscriptionData { get; set; }

    /// <summary>Extra fields the checkout page asks the customer for; at most 5.</summary>
    [JsonPropertyName("custom_fields")]
    public List<JsonObject>? CustomFields { get; set; }

    /// <summary>The customer's tax id.</summary>
    [JsonPropertyName("tax_id")]
    public string? TaxId { get; set; }

    /// <summary>The customer's business name.</summary>
    [JsonPropertyName("customer_business_name")]
    public string? CustomerBusinessName { get; set; }

    /// <summary>Whether the session gets a short checkout link.</summary>
    [JsonPropertyName("short_link")]
    public bool? ShortLink { get; set; }

    /// <summary>Whether the checkout page asks for a minimal address.</summary>
    [JsonPropertyName("minimal_address")]
    public bool? MinimalAddress { get; set; }

    /// <summary>Whether 3-D Secure is forced for card payments.</summary>
    [JsonPropertyName("force_3ds")]
    public bool? Force3ds { get; set; }

    /// <summary>Whether the customer's saved payment methods are shown. Refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("show_saved_payment_methods")]
    public bool? ShowSavedPaymentMethods { get; set; }

    /// <summary>A saved payment method to charge (confirm mode). Refused from browsers unless the app's hook sets it.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; set; }

    /// <summary>
    /// Fields this package does not model; sent on unchanged. From a browser they are refused (400 naming each) unless
    /// <c>DodoPayments:Checkout:ForwardUnknownFields</c> is on; the app's hook may always set them.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
