using System.Text.Json;
using System.Text.Json.Serialization;
namespace DodoPayments.AspNetCore.Api;

/// <summary>The body of a plan change or its preview (<c>POST /subscriptions/{id}/change-plan</c> and <c>…/preview</c>).</summary>
public sealed class ChangePlanRequest
{
    /// <summary>The product to change to.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>How many units; at least 1.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary><c>prorated_immediately</c>, <c>full_immediately</c>, <c>difference_immediately</c> or <c>do_not_bill</c>.</summary>
    [JsonPropertyName("proration_billing_mode")]
    public string? ProrationBillingMode { get; set; }

    /// <summary>Addons of the new plan; an empty list removes the existing ones.</summary>
    [JsonPropertyName("addons")]
    public List<AddonCartItem>? Addons { get; set; }

    /// <summary>Discount codes replacing the existing ones (at most 20); empty removes all; absent keeps those preserved on plan change.</summary>
    [JsonPropertyName("discount_codes")]
    public List<string>? DiscountCodes { get; set; }

    /// <summary><c>immediately</c> (default) or <c>next_billing_date</c>.</summary>
    [JsonPropertyName("effective_at")]
    public string? EffectiveAt { get; set; }

    /// <summary><c>prevent_change</c> or <c>apply_change</c>.</summary>
    [JsonPropertyName("on_payment_failure")]
    public string? OnPaymentFailure { get; set; }

    /// <summary>Metadata for the payment. The plan change endpoints refuse it from browsers: the app's hook sets it.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }

    /// <summary>Fields this package does not model (<c>adaptive_currency_fees_inclusive</c>, …); sent on unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
