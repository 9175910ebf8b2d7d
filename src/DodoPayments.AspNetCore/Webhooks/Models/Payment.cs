using System.Text.Json;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A payment: the <c>data</c> of the <c>payment.*</c> events.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class Payment
{
    /// <summary>The payment's identifier, e.g. <c>pay_…</c>; every payment event has one.</summary>
    [JsonPropertyName("payment_id")]
    public string PaymentId { get; set; } = string.Empty;

    /// <summary>The business the payment belongs to.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>The brand the payment belongs to.</summary>
    [JsonPropertyName("brand_id")]
    public string? BrandId { get; set; }

    /// <summary>When the payment was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the payment was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The status (<c>succeeded</c>, <c>failed</c>, <c>processing</c>, <c>cancelled</c>, …); a string so new values are kept.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The amount charged, in the currency's smallest unit (cents).</summary>
    [JsonPropertyName("total_amount")]
    public long TotalAmount { get; set; }

    /// <summary>The ISO 4217 currency code of <see cref="TotalAmount"/>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The amount settled to the merchant, in the smallest unit of <see cref="SettlementCurrency"/>.</summary>
    [JsonPropertyName("settlement_amount")]
    public long? SettlementAmount { get; set; }

    /// <summary>The currency of the settlement.</summary>
    [JsonPropertyName("settlement_currency")]
    public string? SettlementCurrency { get; set; }

    /// <summary>The tax charged, when known.</summary>
    [JsonPropertyName("tax")]
    public long? Tax { get; set; }

    /// <summary>The tax in the settlement currency, when known.</summary>
    [JsonPropertyName("settlement_tax")]
    public long? SettlementTax { get; set; }

    /// <summary>The customer (id, email, name).</summary>
    [JsonPropertyName("customer")]
    public Customer Customer { get; set; } = new();

    /// <summary>The billing address.</summary>
    [JsonPropertyName("billing")]
    public BillingAddress? Billing { get; set; }

    /// <summary>The metadata set by the merchant (values as strings; non-string values keep their JSON text).</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata Metadata { get; set; } = new();

    /// <summary>The products bought (one-time payments).</summary>
    [JsonPropertyName("product_cart")]
    public IReadOnlyList<ProductCartItem> ProductCart { get; set; } = [];

    /// <summary>The subscription this payment is for, when it is a subscription payment.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; set; }

    /// <summary>The checkout session that created the payment, when any.</summary>
    [JsonPropertyName("checkout_session_id")]
    public string? CheckoutSessionId { get; set; }

    /// <summary>The discounts applied, as raw JSON.</summary>
    [JsonPropertyName("discounts")]
    public IReadOnlyList<JsonElement> Discounts { get; set; } = [];

    /// <summary>The refunds of this payment.</summary>
    [JsonPropertyName("refunds")]
    public IReadOnlyList<Refund> Refunds { get; set; } = [];

    /// <summary>The disputes of this payment.</summary>
    [JsonPropertyName("disputes")]
    public IReadOnlyList<Dispute> Disputes { get; set; } = [];

    /// <summary>The payment method (e.g. <c>card</c>).</summary>
    [JsonPropertyName("payment_method")]
    public string? PaymentMethod { get; set; }

    /// <summary>The payment method type.</summary>
    [JsonPropertyName("payment_method_type")]
    public string? PaymentMethodType { get; set; }

    /// <summary>The last four digits of the card.</summary>
    [JsonPropertyName("card_last_four")]
    public string? CardLastFour { get; set; }

    /// <summary>The card network.</summary>
    [JsonPropertyName("card_network")]
    public string? CardNetwork { get; set; }

    /// <summary>The card type (credit, debit).</summary>
    [JsonPropertyName("card_type")]
    public string? CardType { get; set; }

    /// <summary>The country that issued the card.</summary>
    [JsonPropertyName("card_issuing_country")]
    public string? CardIssuingCountry { get; set; }

    /// <summary>The card holder's name.</summary>
    [JsonPropertyName("card_holder_name")]
    public string? CardHolderName { get; set; }

    /// <summary>The payment link, when the payment came from one.</summary>
    [JsonPropertyName("payment_link")]
    public string? PaymentLink { get; set; }

    /// <summary>The invoice's identifier.</summary>
    [JsonPropertyName("invoice_id")]
    public string? InvoiceId { get; set; }

    /// <summary>The invoice's URL.</summary>
    [JsonPropertyName("invoice_url")]
    public string? InvoiceUrl { get; set; }

    /// <summary>Why the payment failed (machine-readable).</summary>
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    /// <summary>Why the payment failed (human-readable).</summary>
    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; set; }

    /// <summary>The customer's answers to custom checkout fields.</summary>
    [JsonPropertyName("custom_field_responses")]
    public IReadOnlyList<CustomFieldResponse> CustomFieldResponses { get; set; } = [];

    /// <summary>Whether digital products were delivered.</summary>
    [JsonPropertyName("digital_products_delivered")]
    public bool? DigitalProductsDelivered { get; set; }

    /// <summary>Whether this payment only updated a subscription's payment method.</summary>
    [JsonPropertyName("is_update_payment_method")]
    public bool? IsUpdatePaymentMethod { get; set; }

    /// <summary>Which retry of a failed payment this is, when it is one.</summary>
    [JsonPropertyName("retry_attempt")]
    public int? RetryAttempt { get; set; }

    /// <summary>The payment provider that processed the payment.</summary>
    [JsonPropertyName("payment_provider")]
    public string? PaymentProvider { get; set; }
}
