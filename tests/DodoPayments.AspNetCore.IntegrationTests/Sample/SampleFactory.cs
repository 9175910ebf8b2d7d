using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The sample in development mode (so against its own stand-in), with its SQLite database in a temporary folder of its
/// own (so test classes run in parallel), and the stand-in's webhooks delivered through the in-memory test server,
/// retried quickly.
/// </summary>
public sealed class SampleFactory : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;

    /// <summary>A sample on a database of its own, deleted with the factory.</summary>
    public SampleFactory()
        : this(Directory.CreateTempSubdirectory("dodo-sample-tests-").FullName, ownsFolder: true)
    {
    }

    private SampleFactory(string folder, bool ownsFolder)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
    }

    /// <summary>The database file; under an <c>App_Data</c> folder the app creates on its first run.</summary>
    internal string DatabasePath => Path.Combine(_folder, "App_Data", "shop.db");

    internal DodoApiStandIn StandIn => Services.GetRequiredService<DodoApiStandIn>();

    internal string WebhookKey => Services.GetRequiredService<IConfiguration>()["DodoPayments:WebhookKey"]!;

    /// <summary>A sample on the database in <paramref name="folder"/>, which the caller deletes (see <see cref="DeleteFolder"/>).</summary>
    internal static SampleFactory InFolder(string folder) => new(folder, ownsFolder: false);

    /// <summary>Deletes a folder of databases, once no app uses them.</summary>
    internal static void DeleteFolder(string folder)
    {
        // Pooled connections keep the file open (which Windows would refuse to delete); the pools refill on demand.
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A client that keeps cookies, signed in as the demo user.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync()
    {
        var client = CreateClient();
        using var response = await client.PostAsync("/api/account/sign-in", content: null);
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Reads (or changes and saves) the shop's database through a context of its own, as a request would.</summary>
    internal async Task<T> WithDbAsync<T>(Func<ShopDb, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ShopDb>());
    }

    /// <summary>A pending order, as the checkout hook creates it.</summary>
    internal Task<ShopOrder> AddOrderAsync(string userId, string description, params string[] productIds) => WithDbAsync(async db =>
    {
        var order = ShopOrder.Create(userId, description, productIds, DateTimeOffset.UtcNow);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    });

    /// <summary>The order with this id, as saved, or null.</summary>
    internal Task<ShopOrder?> FindOrderAsync(string orderId) => WithDbAsync(db => db.Orders.FindAsync(orderId).AsTask());

    /// <summary>Sends the stand-in's webhooks to this app through the test server.</summary>
    internal void RouteWebhooksThroughTestServer()
    {
        StandIn.WebhookClient = CreateClient();
        StandIn.WebhookUrl = new Uri("/api/webhook", UriKind.Relative);
        StandIn.WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Shop", $"Data Source={DatabasePath}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder && Directory.Exists(_folder))
        {
            DeleteFolder(_folder);
        }
    }
}
