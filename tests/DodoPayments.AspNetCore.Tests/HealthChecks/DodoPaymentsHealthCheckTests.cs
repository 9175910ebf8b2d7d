using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.HealthChecks;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.HealthChecks;

/// <summary>
/// <c>AddHealthChecks().AddDodoPayments()</c> run through the framework's <see cref="HealthCheckService"/>: the
/// registration, the configuration check, the store's timeout and the thresholds' binding and validation.
/// </summary>
public sealed class DodoPaymentsHealthCheckTests
{
    private const string Secret = "hunter2";

    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["DodoPayments:ApiKey"] = "sk_test_health",
        ["DodoPayments:WebhookKey"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    };

    private static ServiceProvider Build(
        IDictionary<string, string?>? settings = null,
        Action<IHealthChecksBuilder>? health = null,
        Action<IServiceCollection>? services = null,
        bool addDodoPayments = true)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? ValidSettings).Build());
        collection.AddLogging();
        if (addDodoPayments)
        {
            collection.AddDodoPayments();
        }

        var checks = collection.AddHealthChecks();
        (health ?? (h => h.AddDodoPayments()))(checks);
        services?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> CheckAsync(IServiceProvider provider, string name = "dodo-payments")
    {
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[name];
    }

    [Fact]
    public void AddDodoPayments_NoArguments_RegistersDodoPaymentsFailingUnhealthyWithoutTags()
    {
        // Arrange
        using var provider = Build();

        // Act
        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);

        // Assert
        Assert.Equal("dodo-payments", registration.Name);
        Assert.Equal(DodoPaymentsHealthChecksBuilderExtensions.DefaultName, registration.Name);
        Assert.Equal(HealthStatus.Unhealthy, registration.FailureStatus);
        Assert.Empty(registration.Tags);
    }

    [Fact]
    public void AddDodoPayments_NameFailureStatusAndTags_AreTheRegistrations()
    {
        // Arrange
        using var provider = Build(health: h => h.AddDodoPayments("payments", HealthStatus.Degraded, ["ready", "payments"]));

        // Act
        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);

        // Assert
        Assert.Equal("payments", registration.Name);
        Assert.Equal(HealthStatus.Degraded, registration.FailureStatus);
        Assert.Equal(["payments", "ready"], registration.Tags.Order());
    }

    [Fact]
    public async Task CheckHealth_ValidConfigurationAndInMemoryStore_IsHealthyWithoutData()
    {
        // Arrange
        using var provider = Build();

        // Act
        var entry = await CheckAsync(provider);

        // Assert
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("Dodo Payments: configuration valid, webhook store reachable.", entry.Description);
        Assert.Empty(entry.Data);
    }

    [Fact]
    public async Task CheckHealth_ApiKeyWithWhitespace_IsUnhealthyNamingTheKeyWithoutItsValue()
    {
        // Arrange
        using var provider = Build(new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = $"sk_test_{Secret} x" });

        // Act
        var entry = await CheckAsync(provider);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("The Dodo Payments configuration is invalid: DodoPayments:ApiKey", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry.Description, StringComparison.Ordinal);
        Assert.Empty(entry.Data);
    }

    [Fact]
    public async Task CheckHealth_WebhookKeyMissingWhileWebhooksAreMapped_IsUnhealthyNamingTheKey()
    {
        // Arrange
        using var provider = Build(new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = "sk_test_health" });
        provider.GetRequiredService<DodoPaymentsMarker>().MarkMapped(DodoPaymentsFeatures.Webhooks);

        // Act
        var entry = await CheckAsync(provider);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("DodoPayments:WebhookKey is required when the webhook endpoint is mapped", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_MalformedWebhookKeyWithFailureStatusDegraded_IsDegradedWithoutTheKey()
    {
        // Arrange
        using var provider = Build(
            new Dictionary<string, string?> { ["DodoPayments:WebhookKey"] = $"whsec_{Secret}*" },
            h => h.AddDodoPayments(failureStatus: HealthStatus.Degraded));

        // Act
        var entry = await CheckAsync(provider);

        // Assert
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("DodoPayments:WebhookKey is not a valid signing secret", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_StoreDoesNotAnswerWithinTheTimeout_IsUnhealthySayingSo()
    {
        // Arrange
        var clock = new FakeTimeProvider(TestClock.Start);
        var store = new SilentStore();
        using var provider = Build(
            health: h => h.AddDodoPayments(configure: o => o.StoreTimeout = TimeSpan.FromSeconds(3)),
            services: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IWebhookIdempotencyStore>(store));

        // Act
        var check = CheckAsync(provider);
        await store.Pinged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(3));
        var entry = await check.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("The webhook store did not answer within 3 s.", entry.Description);
    }

    [Fact]
    public async Task CheckHealth_StoreThrows_IsUnhealthyNamingTheExceptionTypeOnly()
    {
        // Arrange
        var store = new SilentStore { Failure = new IOException($"cannot reach db.internal as {Secret}") };
        using var provider = Build(services: s => s.AddSingleton<IWebhookIdempotencyStore>(store));

        // Act
        var entry = await CheckAsync(provider);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("The webhook store cannot be reached: IOException.", entry.Description);
        Assert.Same(store.Failure, entry.Exception);
    }

    [Fact]
    public void Options_ConfigurationAndCallback_BindHealthChecksSectionAndTheCallbackWins()
    {
        // Arrange
        var settings = new Dictionary<string, string?>(ValidSettings)
        {
            ["DodoPayments:HealthChecks:InboxBacklogDegradedThreshold"] = "7",
            ["DodoPayments:HealthChecks:InboxBacklogUnhealthyThreshold"] = "70",
            ["DodoPayments:HealthChecks:DeadEventsDegradedThreshold"] = "2",
            ["DodoPayments:HealthChecks:StoreTimeout"] = "00:00:09",
        };
        using var provider = Build(settings, h => h.AddDodoPayments(configure: o => o.DeadEventsUnhealthyThreshold = 20));

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<DodoPaymentsHealthCheckOptions>>().Get("dodo-payments");

        // Assert
        Assert.Equal(7, options.InboxBacklogDegradedThreshold);
        Assert.Equal(70, options.InboxBacklogUnhealthyThreshold);
        Assert.Equal(2, options.DeadEventsDegradedThreshold);
        Assert.Equal(20, options.DeadEventsUnhealthyThreshold);
        Assert.Equal(TimeSpan.FromSeconds(9), options.StoreTimeout);
    }

    [Fact]
    public void Options_NothingConfigured_AreTheDocumentedDefaults()
    {
        // Arrange
        using var provider = Build();

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<DodoPaymentsHealthCheckOptions>>().Get("dodo-payments");

        // Assert
        Assert.Equal(100, options.InboxBacklogDegradedThreshold);
        Assert.Equal(1000, options.InboxBacklogUnhealthyThreshold);
        Assert.Equal(0, options.DeadEventsDegradedThreshold);
        Assert.Equal(100, options.DeadEventsUnhealthyThreshold);
        Assert.Equal(TimeSpan.FromSeconds(5), options.StoreTimeout);
    }

    [Fact]
    public void Options_DodoPaymentsBoundFromAnotherSection_ReadTheHealthChecksKeysUnderIt()
    {
        // Arrange
        var settings = new Dictionary<string, string?> { ["Billing:Dodo:HealthChecks:DeadEventsDegradedThreshold"] = "4" };
        var collection = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddHealthChecks().AddDodoPayments();
        collection.AddDodoPayments(configuration.GetSection("Billing:Dodo"));
        using var provider = collection.BuildServiceProvider();

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<DodoPaymentsHealthCheckOptions>>().Get("dodo-payments");

        // Assert
        Assert.Equal(4, options.DeadEventsDegradedThreshold);
    }

    [Fact]
    public void Options_UnhealthyThresholdBelowTheDegradedOne_FailNamingTheKeys()
    {
        // Arrange
        var settings = new Dictionary<string, string?>(ValidSettings)
        {
            ["DodoPayments:HealthChecks:InboxBacklogDegradedThreshold"] = "50",
            ["DodoPayments:HealthChecks:InboxBacklogUnhealthyThreshold"] = "10",
            ["DodoPayments:HealthChecks:DeadEventsDegradedThreshold"] = "-1",
        };
        using var provider = Build(settings);

        // Act
        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptionsMonitor<DodoPaymentsHealthCheckOptions>>().Get("dodo-payments"));

        // Assert
        Assert.Contains(
            "DodoPayments:HealthChecks:InboxBacklogUnhealthyThreshold must be at least InboxBacklogDegradedThreshold (50) and at most 1000000.",
            error.Failures);
        Assert.Contains("DodoPayments:HealthChecks:DeadEventsDegradedThreshold must be from 0 to 1000000.", error.Failures);
    }

    [Fact]
    public void Options_WithoutAddDodoPayments_FailSayingToCallIt()
    {
        // Arrange
        using var provider = Build(addDodoPayments: false);

        // Act
        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptionsMonitor<DodoPaymentsHealthCheckOptions>>().Get("dodo-payments"));

        // Assert
        Assert.Contains("builder.Services.AddDodoPayments()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_StoreWithoutItsOwn_CompletesAsTheInMemoryStoreIsAlwaysReachable()
    {
        // Arrange
        using var provider = Build();
        var store = provider.GetRequiredService<IWebhookIdempotencyStore>();

        // Act
        var ping = store.PingAsync(CancellationToken.None);
        await ping;

        // Assert
        Assert.True(ping.IsCompletedSuccessfully);
    }

    /// <summary>A store whose probe never answers (ignoring its token) or fails; nothing else is called.</summary>
    private sealed class SilentStore : IWebhookIdempotencyStore
    {
        public TaskCompletionSource Pinged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; init; }

        public ValueTask PingAsync(CancellationToken cancellationToken)
        {
            Pinged.TrySetResult();
            return Failure is null ? new ValueTask(new TaskCompletionSource().Task) : ValueTask.FromException(Failure);
        }

        public ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
