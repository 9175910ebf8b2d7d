using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The answer to <c>POST /payments</c>.</summary>
public sealed class CreatePaymentResponse
{
    /// <summary>The payment id (<c>pay_…</c>).</summary>
    [JsonPropertyName("payment_id")]
    public string PaymentId { get; set; } = string.Empty;

    /// <summary>The hosted payment page, when the request asked for a payment link.</summary>
    [JsonPropertyName("payment_link")]
    public string? PaymentLink { get; set; }

    /// <summary>The client secret for an embedded payment form.</summary>
    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; set; }

    /// <summary>The customer.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The total in the currency's smallest unit.</summary>
    [JsonPropertyName("total_amount")]
    public long? TotalAmount { get; set; }

    /// <summary>When the payment link expires.</summary>
    [JsonPropertyName("expires_on")]
    public DateTimeOffset? ExpiresOn { get; set; }
}
