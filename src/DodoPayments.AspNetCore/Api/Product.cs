using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>A product, as <c>GET /products/{product_id}</c> returns it.</summary>
public sealed class Product
{
    /// <summary>The product id (<c>pdt_…</c>).</summary>
    [JsonPropertyName("product_id")]
    public string ProductId { get; set; } = string.Empty;

    /// <summary>The business that owns the product.</summary>
    [JsonPropertyName("business_id")]
    public string? BusinessId { get; set; }

    /// <summary>The name shown at checkout.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description shown at checkout.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>True for a subscription product, false for a one-time product.</summary>
    [JsonPropertyName("is_recurring")]
    public bool IsRecurring { get; set; }

    /// <summary>The price.</summary>
    [JsonPropertyName("price")]
    public ProductPrice? Price { get; set; }

    /// <summary>The tax category (<c>digital_products</c>, <c>saas</c>, …).</summary>
    [JsonPropertyName("tax_category")]
    public string? TaxCategory { get; set; }

    /// <summary>When the product was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the product was last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The merchant's metadata.</summary>
    [JsonPropertyName("metadata")]
    public DodoMetadata? Metadata { get; set; }
}
