namespace DodoPayments.AspNetCore.Sample;

/// <summary>What the sample shop sells. With real keys, create the same products in the Dodo dashboard and use their ids.</summary>
internal static class ShopCatalog
{
    public const string PlansCollectionId = "pdc_plans";

    public static IReadOnlyList<ShopProduct> Products { get; } =
    [
        new("pdt_starter_monthly", "Starter", 900, "USD", "Month"),
        new("pdt_pro_monthly", "Pro", 2900, "USD", "Month"),
        new("pdt_enterprise_monthly", "Enterprise", 9900, "USD", "Month"),
        new("pdt_starter_yearly", "Starter (yearly)", 9000, "USD", "Year"),
        new("pdt_pro_yearly", "Pro (yearly)", 29000, "USD", "Year"),
        new("pdt_enterprise_yearly", "Enterprise (yearly)", 99000, "USD", "Year"),
        new("pdt_field_guide", "The Field Guide (e-book)", 1900, "USD", null),
    ];
}

/// <summary>A product of the shop; <paramref name="Interval"/> is null for a one-time product.</summary>
internal sealed record ShopProduct(string ProductId, string Name, long Price, string Currency, string? Interval);
