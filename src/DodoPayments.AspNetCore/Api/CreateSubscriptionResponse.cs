using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The answer to <c>POST /subscriptions</c>.</summary>
public sealed class CreateSubscriptionResponse
{
    /// <summary>The subscription id (<c>sub_…</c>).</summary>
    [JsonPropertyName("subscription_id")]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The first payment's id.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>The hosted payment page, when the request asked for a payment link.</summary>
    [JsonPropertyName("payment_link")]
    public string? PaymentLink { get; set; }

    /// <summary>The client secret for an embedded payment form.</summary>
    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; set; }

    /// <summary>The customer.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The recurring amount before tax, in the currency's smallest unit.</summary>
    [JsonPropertyName("recurring_pre_tax_amount")]
    public long? RecurringPreTaxAmount { get; set; }

    /// <summary>When the payment link expires.</summary>
    [JsonPropertyName("expires_on")]
    public DateTimeOffset? ExpiresOn { get; set; }
}
