using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The sample in development mode (so against its own stand-in), with its JSON store in a temporary folder and the
/// stand-in's webhooks delivered through the in-memory test server, retried quickly.
/// </summary>
public sealed class SampleFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-sample-tests-").FullName;

    internal string StorePath => Path.Combine(_folder, "shop.json");

    internal ShopStore Store => Services.GetRequiredService<ShopStore>();

    internal DodoApiStandIn StandIn => Services.GetRequiredService<DodoApiStandIn>();

    internal string WebhookKey => Services.GetRequiredService<IConfiguration>()["DodoPayments:WebhookKey"]!;

    /// <summary>A client that keeps cookies, signed in as the demo user.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync()
    {
        var client = CreateClient();
        using var response = await client.PostAsync("/api/account/sign-in", content: null);
        response.EnsureSuccessStatusCode();
        return client;
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
        builder.UseSetting("Shop:StorePath", StorePath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
