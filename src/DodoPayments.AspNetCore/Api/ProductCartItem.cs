using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>One line of a <c>product_cart</c>.</summary>
public sealed class ProductCartItem
{
    /// <summary>The product id.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>How many; more than zero.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary>For a pay-what-you-want product, the amount in the currency's smallest unit.</summary>
    [JsonPropertyName("amount")]
    public long? Amount { get; set; }

    /// <summary>Addons bought with the product.</summary>
    [JsonPropertyName("addons")]
    public List<AddonCartItem>? Addons { get; set; }

    /// <summary>Fields Dodo added after this version of the package (such as <c>credit_entitlements</c>); sent on unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
