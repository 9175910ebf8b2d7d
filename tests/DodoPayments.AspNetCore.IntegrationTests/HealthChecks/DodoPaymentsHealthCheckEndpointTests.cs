using System.Net;
using DodoPayments.AspNetCore.HealthChecks;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.Webhooks;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.IntegrationTests.HealthChecks;

/// <summary>
/// <c>AddHealthChecks().AddDodoPayments()</c> behind <c>MapHealthChecks</c>, through real HTTP: the in-memory store
/// with a valid, then a reloaded invalid configuration, and inbox mode (over the test inbox store, whose counts go
/// through the default <see cref="IWebhookInboxStore.CountAsync"/>) with its backlog and dead events against thresholds.
/// </summary>
public sealed class DodoPaymentsHealthCheckEndpointTests : IAsyncDisposable
{
    private const string MalformedKey = "whsec_hunter2*";

    private DodoTestApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<DodoTestApp> StartAsync(
        Action<DodoPaymentsHealthCheckOptions>? thresholds = null,
        bool inbox = false,
        Action<DodoPaymentsOptions>? options = null)
    {
        _app = await DodoTestApp.StartWebhooksAsync(
            dodo =>
            {
                dodo.Services.AddHealthChecks().AddDodoPayments(configure: thresholds);
                if (inbox)
                {
                    dodo.AddWebhookHandler<PaymentHandler>().UseWebhookInbox();
                    dodo.Services.AddSingleton(new HandlerLog { FailuresLeft = int.MaxValue }).AddInboxTestStore();
                }
            },
            options,
            map: app =>
            {
                app.MapDodoWebhooks();
                app.MapHealthChecks("/health");
                app.MapHealthChecks("/health/details", HealthReportJson.Options);
            });
        return _app;
    }

    private async Task<(HttpStatusCode Code, string Status, string Description, Dictionary<string, long> Data)> GetDetailsAsync()
    {
        using var response = await _app!.Client.GetAsync(new Uri("/health/details", UriKind.Relative));
        var (status, description, data) = await HealthReportJson.ReadAsync(response);
        return (response.StatusCode, status, description, data);
    }

    private void Reload(string key, string value)
    {
        var root = (IConfigurationRoot)_app!.App.Configuration;
        root.Providers.OfType<MemoryConfigurationProvider>().Last().Set(key, value);
        root.Reload();
    }

    /// <summary>Posts <paramref name="count"/> deliveries; each fails its first attempt (the handler always throws).</summary>
    private async Task DeliverAsync(int count, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await _app!.PostSignedAsync(DodoTestApp.PaymentSucceeded($"pay_{prefix}{i}"), $"msg_{prefix}{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task WaitUntilIdleAsync(Func<InboxTestStore, bool> condition)
    {
        await _app!.Services.GetRequiredService<InboxTestStore>().WaitUntilAsync(condition).WaitAsync(TimeSpan.FromSeconds(30));
        await _app.Services.GetServices<IHostedService>().OfType<WebhookInboxWorker>().Single().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static bool AllDead(InboxTestStore store, string prefix, int count) =>
        Enumerable.Range(0, count).All(i => store.Entry($"msg_{prefix}{i}")?.State == DodoWebhookInboxState.Dead);

    [Fact]
    public async Task GetHealth_ValidConfigurationAndInMemoryStore_Answers200Healthy()
    {
        // Arrange
        var app = await StartAsync();

        // Act
        using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetHealth_WebhookKeyReloadedMalformed_Answers503NamingTheKeyWithoutItsValue()
    {
        // Arrange
        await StartAsync();

        // Act
        Reload("DodoPayments:WebhookKey", MalformedKey);
        var (code, status, description, data) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("Unhealthy", status);
        Assert.Contains("DodoPayments:WebhookKey is not a valid signing secret", description, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", description, StringComparison.Ordinal);
        Assert.Empty(data);
    }

    [Fact]
    public async Task GetHealth_ConfigurationFixedAfterAnInvalidReload_Answers200Healthy()
    {
        // Arrange
        await StartAsync();
        Reload("DodoPayments:WebhookKey", MalformedKey);

        // Act
        Reload("DodoPayments:WebhookKey", DodoTestApp.OtherSecret);
        var (code, status, description, _) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Healthy", status);
        Assert.Equal("Dodo Payments: configuration valid, webhook store reachable.", description);
    }

    [Fact]
    public async Task GetHealth_InboxWithinThresholds_Answers200HealthyWithBothCounts()
    {
        // Arrange
        await StartAsync(inbox: true);
        await DeliverAsync(2, "ok");

        // Act
        var (code, status, description, data) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Healthy", status);
        Assert.Equal("Dodo Payments: configuration valid, webhook store reachable, pending inbox events: 2, dead inbox events: 0.", description);
        Assert.Equal(new Dictionary<string, long> { ["inbox_backlog"] = 2, ["inbox_dead"] = 0 }, data);
    }

    [Fact]
    public async Task GetHealth_InboxBacklogAboveTheDegradedThreshold_Answers200Degraded()
    {
        // Arrange
        await StartAsync(o => o.InboxBacklogDegradedThreshold = 1, inbox: true);
        await DeliverAsync(2, "slow");

        // Act
        var (code, status, description, data) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Degraded", status);
        Assert.Equal("Too many pending inbox events: 2, more than 1 (the Degraded threshold).", description);
        Assert.Equal(2, data["inbox_backlog"]);
    }

    [Fact]
    public async Task GetHealth_InboxBacklogAboveTheUnhealthyThreshold_Answers503WithTheCountStoppedAtThresholdPlusOne()
    {
        // Arrange
        await StartAsync(o => (o.InboxBacklogDegradedThreshold, o.InboxBacklogUnhealthyThreshold) = (1, 2), inbox: true);
        await DeliverAsync(5, "stuck");

        // Act
        var (code, status, description, data) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Too many pending inbox events: more than 2 (the Unhealthy threshold).", description);
        Assert.Equal(3, data["inbox_backlog"]);
    }

    [Fact]
    public async Task GetHealth_DeadEvent_Answers200DegradedByDefault()
    {
        // Arrange
        await StartAsync(inbox: true, options: o => o.Webhooks.Inbox.MaxAttempts = 1);
        await DeliverAsync(1, "dead");
        await WaitUntilIdleAsync(store => AllDead(store, "dead", 1));

        // Act
        var (code, status, description, data) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Degraded", status);
        Assert.Equal("Too many dead inbox events: 1, more than 0 (the Degraded threshold).", description);
        Assert.Equal(new Dictionary<string, long> { ["inbox_backlog"] = 0, ["inbox_dead"] = 1 }, data);
    }

    [Fact]
    public async Task GetHealth_DeadEventsAboveTheUnhealthyThreshold_Answers503()
    {
        // Arrange
        await StartAsync(o => o.DeadEventsUnhealthyThreshold = 1, inbox: true, options: o => o.Webhooks.Inbox.MaxAttempts = 1);
        await DeliverAsync(3, "dead");
        await WaitUntilIdleAsync(store => AllDead(store, "dead", 3));

        // Act
        var (code, status, description, data) = await GetDetailsAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Too many dead inbox events: more than 1 (the Unhealthy threshold).", description);
        Assert.Equal(2, data["inbox_dead"]);
    }
}
