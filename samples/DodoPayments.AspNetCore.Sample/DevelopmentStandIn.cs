using System.Security.Cryptography;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.Sample;

/// <summary>
/// Development mode: when no API key is configured, the shop runs against the in-process Dodo API stand-in on a
/// loopback port, so it works on a fresh machine with no Dodo account and no network. Put real test-mode keys in
/// user-secrets (<c>dotnet user-secrets set DodoPayments:ApiKey …</c>) and the same code talks to Dodo instead.
/// </summary>
internal static class DevelopmentStandIn
{
    /// <summary>Whether the app should use the stand-in: development, and no API key in configuration or environment.</summary>
    public static bool IsWanted(WebApplicationBuilder builder) =>
        builder.Environment.IsDevelopment()
        && string.IsNullOrWhiteSpace(builder.Configuration["DodoPayments:ApiKey"])
        && string.IsNullOrWhiteSpace(builder.Configuration["DODO_PAYMENTS_API_KEY"]);

    /// <summary>Starts the stand-in with the shop's catalogue and points the Dodo configuration at it.</summary>
    public static async Task<DodoApiStandIn> StartAsync(IConfigurationBuilder configuration)
    {
        var standIn = new DodoApiStandIn();
        foreach (var product in ShopCatalog.Products)
        {
            standIn.AddProduct(new StandInProduct
            {
                ProductId = product.ProductId,
                Name = product.Name,
                Price = product.Price,
                Currency = product.Currency,
                IsRecurring = product.Interval is not null,
                PaymentFrequencyInterval = product.Interval ?? "Month",
            });
        }

        standIn.AddProductCollection(ShopCatalog.PlansCollectionId, [.. ShopCatalog.Products.Where(p => p.Interval is not null).Select(p => p.ProductId)]);
        var address = await standIn.StartAsync();

        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DodoPayments:ApiKey"] = "sk_stand_in_development",
            ["DodoPayments:Environment"] = "test_mode",
            ["DodoPayments:ApiBaseUrl"] = address.ToString(),
            ["DodoPayments:CheckoutBaseUrl"] = address.ToString(),
            ["DodoPayments:WebhookKey"] = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
        });
        return standIn;
    }
}
