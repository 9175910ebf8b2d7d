using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The answer to <c>POST /checkouts</c>.</summary>
public sealed class CheckoutSessionResponse
{
    /// <summary>The session id (<c>cks_…</c>).</summary>
    [JsonPropertyName("session_id")]
    public string SessionId { get; set; } = string.Empty;

    /// <summary>The hosted checkout page; null for a confirm-mode session created with a <c>payment_method_id</c>.</summary>
    [JsonPropertyName("checkout_url")]
    public string? CheckoutUrl { get; set; }

    /// <summary>The client secret, for confirm-mode sessions.</summary>
    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; set; }

    /// <summary>The payment created by a confirm-mode session.</summary>
    [JsonPropertyName("payment_id")]
    public string? PaymentId { get; set; }

    /// <summary>The publishable key, for confirm-mode sessions.</summary>
    [JsonPropertyName("publishable_key")]
    public string? PublishableKey { get; set; }
}
