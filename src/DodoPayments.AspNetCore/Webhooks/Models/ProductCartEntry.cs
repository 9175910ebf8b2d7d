using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A product of a payment's cart.</summary>
/// <remarks>Read tolerantly: unknown fields are ignored, statuses are strings so new values are kept, and fields may be absent.</remarks>
public sealed class ProductCartEntry
{
    /// <summary>The product's identifier.</summary>
    [JsonPropertyName("product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>How many were bought.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; set; }
}
