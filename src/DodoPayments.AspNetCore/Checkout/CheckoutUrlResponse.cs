using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>The answer of every checkout endpoint, as the official adaptors give it: <c>{"checkout_url": "…"}</c>.</summary>
public sealed class CheckoutUrlResponse
{
    /// <summary>Creates the answer.</summary>
    /// <param name="checkoutUrl">The page the browser goes to next.</param>
    public CheckoutUrlResponse(string checkoutUrl) => CheckoutUrl = checkoutUrl;

    /// <summary>The hosted checkout page the browser goes to next.</summary>
    [JsonPropertyName("checkout_url")]
    public string CheckoutUrl { get; }
}
