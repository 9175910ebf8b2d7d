using System.Net;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>The README's "Test your handlers" example, as written there, against the sample app.</summary>
public sealed class TestYourHandlersExampleTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    /// <summary>Where the shop's database goes (the sample creates it on its first run).</summary>
    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-handler-example-").FullName;

    public void Dispose() => SampleFactory.DeleteFolder(_folder);

    [Fact]
    public async Task PaymentSucceeded_SignedLikeDodo_IsHandled()
    {
        const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        using var app = factory.WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DodoPayments:ApiKey"] = "sk_test_unused",
                ["DodoPayments:WebhookKey"] = Secret,
                ["ConnectionStrings:Shop"] = $"Data Source={Path.Combine(_folder, "shop.db")}",
            })));

        var signer = new DodoWebhookSigner(Secret);
        using var request = signer.CreateRequest("/api/webhook", """{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{"payment_id":"pay_1","total_amount":2599,"currency":"USD","customer":{"customer_id":"cus_1","email":"ann@example.com"},"metadata":{}}}""");
        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PaymentSucceeded_SignedWithAnotherKey_IsRefused()
    {
        using var app = factory.WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DodoPayments:ApiKey"] = "sk_test_unused",
                ["DodoPayments:WebhookKey"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                ["ConnectionStrings:Shop"] = $"Data Source={Path.Combine(_folder, "shop.db")}",
            })));

        using var request = new DodoWebhookSigner("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").CreateRequest("/api/webhook", """{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{"payment_id":"pay_1"}}""");
        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
