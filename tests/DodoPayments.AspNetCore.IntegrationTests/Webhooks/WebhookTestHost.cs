using System.Text;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>A tiny app on the test server: <c>AddDodoPayments</c> + <c>MapDodoWebhooks</c>, a fake clock, captured logs, a signer.</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string OtherSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    public const string Route = "/api/webhook";

    private WebhookTestHost(WebApplication app, FakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        App = app;
        Clock = clock;
        Logs = logs;
        Client = app.GetTestClient();
        Signer = new DodoWebhookSigner(Secret, clock);
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public DodoWebhookSigner Signer { get; }

    public static async Task<WebhookTestHost> StartAsync(
        Action<IDodoPaymentsBuilder>? configureServices = null,
        Action<DodoPaymentsOptions>? configureOptions = null,
        Action<WebApplication>? map = null,
        string environment = "Testing")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        var clock = new FakeTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Configuration[$"{DodoPaymentsOptions.SectionName}:WebhookKey"] = Secret;
        var dodo = configureOptions is null ? builder.Services.AddDodoPayments() : builder.Services.AddDodoPayments(configureOptions);
        configureServices?.Invoke(dodo);

        var app = builder.Build();
        if (map is null)
        {
            app.MapDodoWebhooks();
        }
        else
        {
            map(app);
        }

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new WebhookTestHost(app, clock, logs);
    }

    public static string Envelope(string type, string data, string businessId = "bus_test") =>
        $$"""{"business_id":"{{businessId}}","type":"{{type}}","timestamp":"2026-01-15T11:59:58Z","data":{{data}}}""";

    public static string PaymentSucceeded(string paymentId = "pay_1", long totalAmount = 1500) =>
        Envelope("payment.succeeded", $$$"""{"payload_type":"Payment","payment_id":"{{{paymentId}}}","total_amount":{{{totalAmount}}},"currency":"USD","customer":{"customer_id":"cus_1","email":"ann@example.com","name":"Ann"},"metadata":{"order":"42"}}""");

    public async Task<HttpResponseMessage> PostSignedAsync(string body, string? webhookId = null, string route = Route)
    {
        using var request = Signer.CreateRequest(route, body, webhookId ?? "msg_" + Guid.NewGuid().ToString("N"), Clock.GetUtcNow());
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string body, Action<HttpRequestMessage> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        headers(request);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
