using System.Globalization;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The sample in development mode (so against its own stand-in), with its SQLite database in a temporary folder of its
/// own (so test classes run in parallel), the webhook inbox retrying after 50 ms (3 attempts, as in Development), and
/// the stand-in's webhooks delivered through the in-memory test server, retried quickly.
/// </summary>
public sealed class SampleFactory : WebApplicationFactory<Program>
{
    /// <summary>How long a test waits for the inbox at most: far more than it needs, even on a busy machine.</summary>
    private static readonly TimeSpan InboxTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly TimeSpan _firstRetryDelay;

    /// <summary>A sample on a database of its own, deleted with the factory.</summary>
    public SampleFactory()
        : this(Directory.CreateTempSubdirectory("dodo-sample-tests-").FullName, ownsFolder: true, TimeSpan.FromMilliseconds(50))
    {
    }

    private SampleFactory(string folder, bool ownsFolder, TimeSpan firstRetryDelay)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        _firstRetryDelay = firstRetryDelay;
    }

    /// <summary>The database file; under an <c>App_Data</c> folder the app creates on its first run.</summary>
    internal string DatabasePath => Path.Combine(_folder, "App_Data", "shop.db");

    internal DodoApiStandIn StandIn => Services.GetRequiredService<DodoApiStandIn>();

    internal string WebhookKey => Services.GetRequiredService<IConfiguration>()["DodoPayments:WebhookKey"]!;

    /// <summary>A sample on the database in <paramref name="folder"/>, which the caller deletes (see <see cref="DeleteFolder"/>).</summary>
    internal static SampleFactory InFolder(string folder) => new(folder, ownsFolder: false, TimeSpan.FromMilliseconds(50));

    /// <summary>A sample on a database of its own whose inbox waits <paramref name="firstRetryDelay"/> before a retry.</summary>
    internal static SampleFactory WithFirstRetryDelay(TimeSpan firstRetryDelay) =>
        new(Directory.CreateTempSubdirectory("dodo-sample-tests-").FullName, ownsFolder: true, firstRetryDelay);

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

    /// <summary>Posts <paramref name="body"/> to <c>/api/webhook</c>, signed with the app's webhook key as Dodo signs it.</summary>
    internal async Task<HttpResponseMessage> SendSignedWebhookAsync(string body, string? webhookId = null)
    {
        using var client = CreateClient();
        using var request = new DodoWebhookSigner(WebhookKey).CreateRequest("/api/webhook", body, webhookId);
        return await client.SendAsync(request);
    }

    /// <summary>The inbox's entry for <paramref name="webhookId"/>, or null, read as the orders page reads it.</summary>
    internal async Task<DodoWebhookInboxEntry?> FindWebhookAsync(string webhookId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDodoWebhookInbox>().FindAsync(webhookId, CancellationToken.None);
    }

    /// <summary>
    /// Polls the inbox until the entry of <paramref name="webhookId"/> satisfies <paramref name="condition"/>, and returns
    /// it; fails after <see cref="InboxTimeout"/>, saying where the entry stood.
    /// </summary>
    internal async Task<DodoWebhookInboxEntry> WaitForWebhookAsync(string webhookId, Func<DodoWebhookInboxEntry, bool> condition)
    {
        var deadline = DateTime.UtcNow + InboxTimeout;
        while (true)
        {
            var entry = await FindWebhookAsync(webhookId);
            if (entry is not null && condition(entry))
            {
                return entry;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(entry is null
                    ? $"Webhook {webhookId} never reached the inbox."
                    : $"Webhook {webhookId} stayed {entry.State} after {entry.Attempts} attempt(s) (last error: {entry.LastError ?? "none"}).");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the inbox has processed <paramref name="webhookId"/>.</summary>
    internal Task<DodoWebhookInboxEntry> WaitUntilProcessedAsync(string webhookId) =>
        WaitForWebhookAsync(webhookId, entry => entry.State == DodoWebhookInboxState.Processed);

    /// <summary>Waits until the inbox has processed every webhook the stand-in delivered.</summary>
    internal async Task WaitUntilStandInWebhooksProcessedAsync()
    {
        foreach (var webhookId in StandIn.WebhookDeliveries.Select(delivery => delivery.WebhookId).Distinct())
        {
            await WaitUntilProcessedAsync(webhookId);
        }
    }

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
        builder.UseSetting("DodoPayments:Webhooks:Inbox:FirstRetryDelay", _firstRetryDelay.ToString("c", CultureInfo.InvariantCulture));
        builder.UseSetting("DodoPayments:Webhooks:Inbox:MaxAttempts", "3");
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
