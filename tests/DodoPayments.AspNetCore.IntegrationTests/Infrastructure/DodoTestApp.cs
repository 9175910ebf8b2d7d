using System.Text;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Infrastructure;

/// <summary>
/// The one test app every endpoint and webhook test starts: a tiny app over the test server with <c>AddDodoPayments</c>
/// and test configuration, the Dodo API answered by a <see cref="DodoApiStandIn"/>, every log entry captured, a fake
/// clock with a webhook signer on it, and whatever endpoints a test maps. Requests go through the whole ASP.NET Core pipeline.
/// </summary>
internal sealed class DodoTestApp : IAsyncDisposable
{
    public const string ApiKey = "sk_test_integration";
    public const string ReturnUrl = "https://shop.example.com/thanks";
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string OtherSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    public const string WebhookRoute = "/api/webhook";

    private DodoTestApp(WebApplication app, FakeTimeProvider clock, FakeLogCollector logs)
    {
        App = app;
        Clock = clock;
        Logs = logs;
        Client = app.GetTestClient();
        Signer = new DodoWebhookSigner(Secret, clock);
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// A clock tests move by hand: the app's <see cref="TimeProvider"/> in webhook apps (<see cref="StartWebhooksAsync"/>),
    /// which sign deliveries at its time; endpoint apps keep the system clock the stand-in signs with.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Everything the app logged, from Debug up.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Signs deliveries with <see cref="Secret"/> (the configured webhook key) at <see cref="Clock"/>'s time.</summary>
    public DodoWebhookSigner Signer { get; }

    /// <summary>
    /// Starts an app for endpoint tests. <paramref name="settings"/> add to (or, with a null value, remove) the default
    /// <c>DodoPayments:*</c> keys; <paramref name="environment"/> is the host environment's name (Production when null).
    /// </summary>
    public static Task<DodoTestApp> StartAsync(
        DodoApiStandIn standIn,
        Action<IEndpointRouteBuilder> map,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<DodoPaymentsOptions>? configure = null,
        string? environment = null) =>
        StartCoreAsync(standIn, map, settings, dodo => services?.Invoke(dodo.Services), configure, environment ?? "Production", fakeClock: false);

    /// <summary>
    /// Starts an app for webhook tests: <c>MapDodoWebhooks()</c> at <see cref="WebhookRoute"/> unless <paramref name="map"/>
    /// says otherwise, in the Testing environment unless <paramref name="environment"/> says otherwise, with
    /// <see cref="Secret"/> as the webhook key and <see cref="Clock"/> as the app's clock.
    /// </summary>
    public static Task<DodoTestApp> StartWebhooksAsync(
        Action<IDodoPaymentsBuilder>? configureServices = null,
        Action<DodoPaymentsOptions>? configureOptions = null,
        Action<IEndpointRouteBuilder>? map = null,
        string environment = "Testing") =>
        StartCoreAsync(
            new DodoApiStandIn(),
            map ?? (app => app.MapDodoWebhooks()),
            new Dictionary<string, string?> { ["DodoPayments:WebhookKey"] = Secret },
            configureServices,
            configureOptions,
            environment,
            fakeClock: true);

    /// <summary>A Dodo webhook envelope around <paramref name="data"/>.</summary>
    public static string Envelope(string type, string data, string businessId = "bus_test") =>
        $$"""{"business_id":"{{businessId}}","type":"{{type}}","timestamp":"2026-01-15T11:59:58Z","data":{{data}}}""";

    /// <summary>A <c>payment.succeeded</c> delivery.</summary>
    public static string PaymentSucceeded(string paymentId = "pay_1", long totalAmount = 1500) =>
        Envelope("payment.succeeded", $$$"""{"payload_type":"Payment","payment_id":"{{{paymentId}}}","total_amount":{{{totalAmount}}},"currency":"USD","customer":{"customer_id":"cus_1","email":"ann@example.com","name":"Ann"},"metadata":{"order":"42"}}""");

    /// <summary>Posts <paramref name="body"/> signed by <see cref="Signer"/> now.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string body, string? webhookId = null, string route = WebhookRoute)
    {
        using var request = Signer.CreateRequest(route, body, webhookId ?? "msg_" + Guid.NewGuid().ToString("N"), Clock.GetUtcNow());
        return await Client.SendAsync(request);
    }

    /// <summary>Posts <paramref name="body"/> to <see cref="WebhookRoute"/> with the headers a test sets.</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, Action<HttpRequestMessage> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookRoute) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        headers(request);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static async Task<DodoTestApp> StartCoreAsync(
        DodoApiStandIn standIn,
        Action<IEndpointRouteBuilder> map,
        IDictionary<string, string?>? settings,
        Action<IDodoPaymentsBuilder>? services,
        Action<DodoPaymentsOptions>? configure,
        string environment,
        bool fakeClock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        var logs = new FakeLogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        var clock = new FakeTimeProvider(TestClock.Start);
        if (fakeClock)
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
        }

        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DodoPayments:ApiKey"] = ApiKey,
            ["DodoPayments:Environment"] = "test_mode",
            ["DodoPayments:ReturnUrl"] = ReturnUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration.Where(pair => pair.Value is not null));
        var dodo = configure is null ? builder.Services.AddDodoPayments() : builder.Services.AddDodoPayments(configure);
        dodo.Services.AddDodoApiStandIn(standIn);
        services?.Invoke(dodo);

        var app = builder.Build();
        try
        {
            map(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DodoTestApp(app, clock, logs);
    }
}
