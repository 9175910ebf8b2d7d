namespace DodoPayments.AspNetCore.Sample;

/// <summary>
/// What the shop sells, from the <c>Shop:Catalog</c> configuration section: the plans of a product collection (Starter,
/// Pro and Enterprise, in a monthly and a yearly group) and a one-time e-book. The stand-in is given the same products;
/// with real keys, create them in the Dodo dashboard and put their ids in appsettings.json (here and in the
/// <c>AllowedProductIds</c> lists).
/// </summary>
internal sealed class ShopCatalog
{
    public ShopCatalog(string collectionId, IReadOnlyList<ShopProduct> products)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionId);
        if (products.Count == 0)
        {
            throw new InvalidOperationException("Shop:Catalog:Products is empty: list the products the shop sells in appsettings.json.");
        }

        CollectionId = collectionId;
        Products = products;
    }

    /// <summary>The product collection of the plans, for a checkout where the customer picks the plan.</summary>
    public string CollectionId { get; }

    /// <summary>Every product, plans first in the collection's display order (the first is pre-selected at checkout).</summary>
    public IReadOnlyList<ShopProduct> Products { get; }

    /// <summary>The plans of the collection: the recurring products.</summary>
    public IEnumerable<ShopProduct> Plans => Products.Where(product => product.Interval is not null);

    /// <summary>Reads the catalogue from configuration (<c>Shop:Catalog</c>).</summary>
    public static ShopCatalog FromConfiguration(IConfiguration section) => new(
        section["CollectionId"] ?? throw new InvalidOperationException("Shop:Catalog:CollectionId is missing from configuration."),
        section.GetSection("Products").Get<List<ShopProduct>>() ?? []);

    /// <summary>The product with this id, or null.</summary>
    public ShopProduct? Find(string? productId) =>
        Products.FirstOrDefault(product => string.Equals(product.ProductId, productId, StringComparison.Ordinal));

    /// <summary>The product's name, or the id when it is not in the catalogue.</summary>
    public string NameOf(string productId) => Find(productId)?.Name ?? productId;
}

/// <summary>A product of the shop; <see cref="Interval"/> (<c>Month</c>, <c>Year</c>) and <see cref="Plan"/> are null for a one-time product.</summary>
internal sealed record ShopProduct
{
    public required string ProductId { get; init; }

    public required string Name { get; init; }

    public long Price { get; init; }

    public string Currency { get; init; } = "USD";

    public string? Interval { get; init; }

    public string? Plan { get; init; }

    public string Description { get; init; } = string.Empty;
}
