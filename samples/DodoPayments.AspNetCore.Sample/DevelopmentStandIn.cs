using System.Security.Cryptography;
using DodoPayments.AspNetCore.Sample.Shop;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.Sample;

/// <summary>
/// Development mode: when no API key is configured, the shop runs against the in-process Dodo API stand-in on a
/// loopback port, so it works on a fresh machine with no Dodo account and no network. The stand-in serves the hosted
/// checkout page (Pay / Fail) and the portal, and sends signed webhooks to this app, as Dodo would. Put real test-mode
/// keys in user-secrets (<c>dotnet user-secrets set DodoPayments:ApiKey …</c>) and the same code talks to Dodo instead.
/// </summary>
internal static class DevelopmentStandIn
{
    /// <summary>Whether the app should use the stand-in: development, and no API key in configuration or environment.</summary>
    public static bool IsWanted(WebApplicationBuilder builder) =>
        builder.Environment.IsDevelopment()
        && string.IsNullOrWhiteSpace(builder.Configuration["DodoPayments:ApiKey"])
        && string.IsNullOrWhiteSpace(builder.Configuration["DODO_PAYMENTS_API_KEY"]);

    /// <summary>A stand-in that sells the shop's catalogue (not started: see <see cref="StartAsync"/>).</summary>
    public static DodoApiStandIn Create(ShopCatalog catalog)
    {
        var standIn = new DodoApiStandIn();
        foreach (var product in catalog.Products)
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

        standIn.AddProductCollection(catalog.CollectionId, [.. catalog.Plans.Select(plan => plan.ProductId)]);
        return standIn;
    }

    /// <summary>
    /// Starts the stand-in on a loopback port and points the Dodo configuration at it. Called after the app is built
    /// (options are read only when the host starts), so that the stand-in's own small host is never mistaken for the
    /// app's by <c>WebApplicationFactory</c>.
    /// </summary>
    public static async Task StartAsync(DodoApiStandIn standIn, IConfigurationBuilder configuration, IServiceProvider services)
    {
        // The database survives a restart, the stand-in does not: tell it the customers and subscriptions the shop knows.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
            var customers = await db.Customers.AsNoTracking().ToDictionaryAsync(customer => customer.UserId, customer => customer.CustomerId);
            foreach (var customerId in customers.Values)
            {
                standIn.AddCustomer(customerId, DemoUser.Email, DemoUser.Name);
            }

            foreach (var subscription in await db.Subscriptions.AsNoTracking().Where(subscription => subscription.Status == "active").ToListAsync())
            {
                if (customers.TryGetValue(subscription.UserId, out var customerId))
                {
                    standIn.AddSubscription(subscription.SubscriptionId, subscription.ProductId, customerId);
                }
            }
        }

        var address = await standIn.StartAsync();
        var webhookKey = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        standIn.WebhookSecret = webhookKey;
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DodoPayments:ApiKey"] = "sk_stand_in_development",
            ["DodoPayments:Environment"] = "test_mode",
            ["DodoPayments:ApiBaseUrl"] = address.ToString(),
            ["DodoPayments:CheckoutBaseUrl"] = address.ToString(),
            ["DodoPayments:WebhookKey"] = webhookKey,
        });
    }

    /// <summary>
    /// Once the server listens, points the stand-in's webhooks at this app's <c>/api/webhook</c>. Under
    /// <c>WebApplicationFactory</c> there is no address; a test sets <see cref="DodoApiStandIn.WebhookUrl"/> itself.
    /// </summary>
    public static void SendWebhooksToThisApp(DodoApiStandIn standIn, WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (WebhookUrl(addresses) is { } webhookUrl)
        {
            standIn.WebhookUrl = webhookUrl;
            app.Logger.LogInformation("The stand-in sends this app's webhooks to {WebhookUrl}.", webhookUrl);
        }
    }

    /// <summary>The webhook URL on the first listening address, http preferred (no certificate to trust), wildcards made loopback.</summary>
    internal static Uri? WebhookUrl(IEnumerable<string> addresses)
    {
        var address = addresses
            .Select(address => address.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://[::1]", StringComparison.Ordinal))
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        return address is null ? null : new Uri(address, "/api/webhook");
    }
}
