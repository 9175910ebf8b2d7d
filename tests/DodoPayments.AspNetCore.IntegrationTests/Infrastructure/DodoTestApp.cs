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
/// A tiny app over the test server: <c>AddDodoPayments</c> with test configuration, the Dodo API answered by a
/// <see cref="DodoApiStandIn"/>, and whatever endpoints a test maps. Requests go through the whole ASP.NET Core pipeline.
/// </summary>
internal sealed class DodoTestApp : IAsyncDisposable
{
    public const string ApiKey = "sk_test_integration";
    public const string ReturnUrl = "https://shop.example.com/thanks";

    private DodoTestApp(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Starts the app. <paramref name="settings"/> add to (or, with a null value, remove) the default <c>DodoPayments:*</c>
    /// keys; <paramref name="environment"/> is the host environment's name (Production when null).
    /// </summary>
    public static async Task<DodoTestApp> StartAsync(
        DodoApiStandIn standIn,
        Action<IEndpointRouteBuilder> map,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<DodoPaymentsOptions>? configure = null,
        string? environment = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment ?? "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();

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
        services?.Invoke(builder.Services);

        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new DodoTestApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
