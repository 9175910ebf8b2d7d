using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace DodoPayments.AspNetCore.Tests.Diagnostics;

/// <summary>
/// <c>dodo.api.calls</c> for every operation of the API client and every way a call ends, read with a MetricCollector
/// over the provider's <see cref="IMeterFactory"/> (which <c>AddDodoPayments</c> registers when the app has none).
/// </summary>
public sealed class DodoApiCallTelemetryTests : IAsyncDisposable
{
    private readonly DodoApiStandIn _dodo = new DodoApiStandIn()
        .AddOneTimeProduct("pdt_book")
        .AddSubscriptionProduct("pdt_basic")
        .AddSubscriptionProduct("pdt_pro")
        .AddCustomer("cus_1")
        .AddSubscription("sub_1", "pdt_basic", "cus_1");

    private ServiceProvider? _provider;

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await _dodo.DisposeAsync();
    }

    [Fact]
    public async Task EveryOperation_Called_IsCountedUnderItsOwnBoundedName()
    {
        // Arrange
        var (client, calls) = Start();
        var operations = new Func<Task>[]
        {
            () => client.GetProductAsync("pdt_book"),
            () => client.CreatePaymentAsync(new CreatePaymentRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }] }),
            () => client.CreateSubscriptionAsync(new CreateSubscriptionRequest { ProductId = "pdt_pro", Quantity = 1 }),
            () => client.CreateCheckoutSessionAsync(new CreateCheckoutSessionRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }] }),
            () => client.CreateCustomerPortalSessionAsync("cus_1"),
            () => client.PreviewPlanChangeAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1 }),
            () => client.ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1 }),
            () => client.CancelScheduledPlanChangeAsync("sub_1"),
        };

        // Act
        foreach (var operation in operations)
        {
            try
            {
                await operation();
            }
            catch (DodoApiException)
            {
                // Whatever the stand-in answers, the call is counted.
            }
        }

        // Assert
        Assert.Equal(
            [
                "products.get", "payments.create", "subscriptions.create", "checkouts.create", "customer_portal.sessions.create",
                "subscriptions.change_plan.preview", "subscriptions.change_plan", "subscriptions.change_plan.cancel_scheduled",
            ],
            calls.GetMeasurementSnapshot().Select(m => m.Tags["dodo.api.operation"]));
    }

    [Fact]
    public async Task Call_SlowerThanTimeout_CountsErrorTypeTimeoutWithoutStatus()
    {
        // Arrange
        _dodo.Delay(HttpMethod.Get, "/products", TimeSpan.FromSeconds(30));
        var (client, calls) = Start(o => o.ApiTimeout = TimeSpan.FromMilliseconds(100));

        // Act
        await Assert.ThrowsAsync<DodoApiException>(() => client.GetProductAsync("pdt_book"));

        // Assert
        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("timeout", call.Tags["error.type"]);
        Assert.False(call.Tags.ContainsKey("http.response.status_code"));
    }

    [Fact]
    public async Task Call_CancelledByCaller_CountsErrorTypeCanceled()
    {
        // Arrange
        _dodo.Delay(HttpMethod.Get, "/products", TimeSpan.FromSeconds(30));
        var (client, calls) = Start();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetProductAsync("pdt_book", cancellation.Token));

        // Assert
        Assert.Equal("canceled", Assert.Single(calls.GetMeasurementSnapshot()).Tags["error.type"]);
    }

    [Fact]
    public async Task Call_NothingListening_CountsErrorTypeUnreachable()
    {
        // Arrange
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (client, calls) = Start(o => o.ApiBaseUrl = $"http://127.0.0.1:{port}", inProcess: false);

        // Act
        await Assert.ThrowsAsync<DodoApiException>(() => client.GetProductAsync("pdt_book"));

        // Assert
        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("unreachable", call.Tags["error.type"]);
        Assert.Equal("products.get", call.Tags["dodo.api.operation"]);
    }

    private (IDodoPaymentsApiClient Client, MetricCollector<long> Calls) Start(Action<DodoPaymentsOptions>? configure = null, bool inProcess = true)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDodoPayments(options =>
        {
            options.ApiKey = "sk_test_telemetry";
            options.Environment = DodoPaymentsEnvironment.TestMode;
            configure?.Invoke(options);
        });
        if (inProcess)
        {
            services.AddDodoApiStandIn(_dodo);
        }

        _provider = services.BuildServiceProvider();
        var calls = new MetricCollector<long>(_provider.GetRequiredService<IMeterFactory>(), DodoPaymentsTelemetry.MeterName, "dodo.api.calls");
        return (_provider.GetRequiredService<IDodoPaymentsApiClient>(), calls);
    }
}
