namespace DodoPayments.AspNetCore.Sample;

/// <summary>
/// What the sample shop sells: the plans of the product collection <c>pdc_plans</c> (Starter, Pro and Enterprise, in a
/// monthly and a yearly group) and one one-time e-book. With real keys, create the same products in the Dodo dashboard
/// and put their ids here (and in appsettings.json's <c>AllowedProductIds</c>).
/// </summary>
internal static class ShopCatalog
{
    public const string PlansCollectionId = "pdc_plans";

    public static IReadOnlyList<ShopProduct> Products { get; } =
    [
        new("pdt_starter_monthly", "Starter", 900, "USD", "Month", "Starter", "For one person trying things out."),
        new("pdt_pro_monthly", "Pro", 2900, "USD", "Month", "Pro", "For a small team shipping every week."),
        new("pdt_enterprise_monthly", "Enterprise", 9900, "USD", "Month", "Enterprise", "For a company with many teams."),
        new("pdt_starter_yearly", "Starter (yearly)", 9000, "USD", "Year", "Starter", "For one person trying things out."),
        new("pdt_pro_yearly", "Pro (yearly)", 29000, "USD", "Year", "Pro", "For a small team shipping every week."),
        new("pdt_enterprise_yearly", "Enterprise (yearly)", 99000, "USD", "Year", "Enterprise", "For a company with many teams."),
        new("pdt_field_guide", "The Field Guide (e-book)", 1900, "USD", null, null, "Everything about payments, in 120 pages."),
    ];

    /// <summary>The plans of the collection, in its display order (the first is pre-selected at checkout).</summary>
    public static IEnumerable<ShopProduct> Plans => Products.Where(product => product.Interval is not null);

    /// <summary>The product with this id, or null.</summary>
    public static ShopProduct? Find(string? productId) =>
        Products.FirstOrDefault(product => string.Equals(product.ProductId, productId, StringComparison.Ordinal));
}

/// <summary>A product of the shop; <paramref name="Interval"/> and <paramref name="Plan"/> are null for a one-time product.</summary>
internal sealed record ShopProduct(string ProductId, string Name, long Price, string Currency, string? Interval, string? Plan, string Description);
