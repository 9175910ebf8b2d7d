using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// The subscription as it would be after a plan change (<c>new_plan</c> of a preview): the fields an app shows a
/// customer before they confirm, typed, and the whole object as Dodo sent it in <see cref="Json"/>.
/// </summary>
/// <remarks>
/// Reading is tolerant: should a typed field come in a shape this package does not expect, the typed fields stay empty
/// and <see cref="Json"/> still holds everything. When this object is written (the plan change endpoint answering a
/// browser), <see cref="Json"/> is written as sent when it is set.
/// </remarks>
public sealed class PlanChangeNewPlan
{
    /// <summary>The subscription id.</summary>
    [JsonPropertyName("subscription_id")]
    public string? SubscriptionId { get; set; }

    /// <summary>The status: <c>pending</c>, <c>active</c>, <c>on_hold</c>, <c>cancelled</c>, <c>failed</c> or <c>expired</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The product of the plan.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>How many units.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The amount of each renewal before tax, in the currency's smallest unit.</summary>
    [JsonPropertyName("recurring_pre_tax_amount")]
    public long? RecurringPreTaxAmount { get; set; }

    /// <summary>Whether the amounts include tax.</summary>
    [JsonPropertyName("tax_inclusive")]
    public bool? TaxInclusive { get; set; }

    /// <summary>How many <see cref="PaymentFrequencyInterval"/>s between renewals.</summary>
    [JsonPropertyName("payment_frequency_count")]
    public int? PaymentFrequencyCount { get; set; }

    /// <summary><c>Day</c>, <c>Week</c>, <c>Month</c> or <c>Year</c>.</summary>
    [JsonPropertyName("payment_frequency_interval")]
    public string? PaymentFrequencyInterval { get; set; }

    /// <summary>How many <see cref="SubscriptionPeriodInterval"/>s the subscription lasts.</summary>
    [JsonPropertyName("subscription_period_count")]
    public int? SubscriptionPeriodCount { get; set; }

    /// <summary><c>Day</c>, <c>Week</c>, <c>Month</c> or <c>Year</c>.</summary>
    [JsonPropertyName("subscription_period_interval")]
    public string? SubscriptionPeriodInterval { get; set; }

    /// <summary>Days of free trial.</summary>
    [JsonPropertyName("trial_period_days")]
    public int? TrialPeriodDays { get; set; }

    /// <summary>When the subscription was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The last billing date.</summary>
    [JsonPropertyName("previous_billing_date")]
    public DateTimeOffset? PreviousBillingDate { get; set; }

    /// <summary>The next billing date: when the new plan is next charged.</summary>
    [JsonPropertyName("next_billing_date")]
    public DateTimeOffset? NextBillingDate { get; set; }

    /// <summary>Whether the subscription ends at the next billing date.</summary>
    [JsonPropertyName("cancel_at_next_billing_date")]
    public bool? CancelAtNextBillingDate { get; set; }

    /// <summary>The customer.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The addons of the plan.</summary>
    [JsonPropertyName("addons")]
    public List<AddonCartItem>? Addons { get; set; }

    /// <summary>The merchant's metadata.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }

    /// <summary>The other fields of the subscription (<c>meters</c>, <c>discount_id</c>, …), as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The whole object as Dodo sent it; <see cref="JsonValueKind.Undefined"/> when this object was built in code.</summary>
    [JsonIgnore]
    public JsonElement Json { get; set; }
}
