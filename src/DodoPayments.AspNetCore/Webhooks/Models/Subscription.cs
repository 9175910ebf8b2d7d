using System.Text.Json;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A subscription: the <c>data</c> of the <c>subscription.*</c> events.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class Subscription
{
    /// <summary>The subscription's identifier, e.g. <c>sub_…</c>; every subscription event has one.</summary>
    [JsonPropertyName("subscription_id")]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The status (<c>pending</c>, <c>active</c>, <c>on_hold</c>, <c>paused</c>, <c>cancelled</c>, <c>failed</c>, <c>expired</c>, <c>past_due</c>, …); a string so new values are kept.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The subscribed product.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>The subscribed quantity.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary>The customer (id, email, name).</summary>
    [JsonPropertyName("customer")]
    public Customer Customer { get; set; } = new();

    /// <summary>The billing address.</summary>
    [JsonPropertyName("billing")]
    public BillingAddress? Billing { get; set; }

    /// <summary>The metadata set by the merchant (values as strings; non-string values keep their JSON text).</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata Metadata { get; set; } = new();

    /// <summary>The ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The amount charged each period before tax, in the currency's smallest unit.</summary>
    [JsonPropertyName("recurring_pre_tax_amount")]
    public long? RecurringPreTaxAmount { get; set; }

    /// <summary>Whether the price includes tax.</summary>
    [JsonPropertyName("tax_inclusive")]
    public bool? TaxInclusive { get; set; }

    /// <summary>How many intervals between payments.</summary>
    [JsonPropertyName("payment_frequency_count")]
    public int? PaymentFrequencyCount { get; set; }

    /// <summary>The payment interval (<c>Day</c>, <c>Week</c>, <c>Month</c>, <c>Year</c>).</summary>
    [JsonPropertyName("payment_frequency_interval")]
    public string? PaymentFrequencyInterval { get; set; }

    /// <summary>How many intervals the subscription lasts.</summary>
    [JsonPropertyName("subscription_period_count")]
    public int? SubscriptionPeriodCount { get; set; }

    /// <summary>The subscription period interval.</summary>
    [JsonPropertyName("subscription_period_interval")]
    public string? SubscriptionPeriodInterval { get; set; }

    /// <summary>The trial length in days.</summary>
    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; set; }

    /// <summary>When the next payment is due.</summary>
    [JsonPropertyName("next_billing_date")]
    public DateTimeOffset? NextBillingDate { get; set; }

    /// <summary>When the last payment was due.</summary>
    [JsonPropertyName("previous_billing_date")]
    public DateTimeOffset? PreviousBillingDate { get; set; }

    /// <summary>When the subscription was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Whether the subscription ends at the next billing date.</summary>
    [JsonPropertyName("cancel_at_next_billing_date")]
    public bool? CancelAtNextBillingDate { get; set; }

    /// <summary>When the subscription was cancelled.</summary>
    [JsonPropertyName("cancelled_at")]
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the subscription expires.</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the subscription was paused.</summary>
    [JsonPropertyName("paused_at")]
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Whether it is an on-demand subscription.</summary>
    [JsonPropertyName("on_demand")]
    public bool? OnDemand { get; set; }

    /// <summary>The add-ons.</summary>
    [JsonPropertyName("addons")]
    public IReadOnlyList<AddonCartItem> Addons { get; set; } = [];

    /// <summary>The usage meters, as raw JSON.</summary>
    [JsonPropertyName("meters")]
    public IReadOnlyList<JsonElement> Meters { get; set; } = [];

    /// <summary>The discounts, as raw JSON.</summary>
    [JsonPropertyName("discounts")]
    public IReadOnlyList<JsonElement> Discounts { get; set; } = [];

    /// <summary>The discount applied, when any.</summary>
    [JsonPropertyName("discount_id")]
    public string? DiscountId { get; set; }

    /// <summary>A plan change scheduled for later, when any.</summary>
    [JsonPropertyName("scheduled_change")]
    public ScheduledPlanChange? ScheduledChange { get; set; }

    /// <summary>The saved payment method charged.</summary>
    [JsonPropertyName("payment_method_id")]
    public string? PaymentMethodId { get; set; }

    /// <summary>The customer's tax identifier.</summary>
    [JsonPropertyName("tax_id")]
    public string? TaxId { get; set; }

    /// <summary>Why the customer cancelled (a reason code).</summary>
    [JsonPropertyName("cancellation_feedback")]
    public string? CancellationFeedback { get; set; }

    /// <summary>The customer's cancellation comment.</summary>
    [JsonPropertyName("cancellation_comment")]
    public string? CancellationComment { get; set; }
}
