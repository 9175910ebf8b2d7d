using DodoPayments.AspNetCore.EntityFrameworkCore.Storage;
using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests;

/// <summary>
/// <c>AddEntityFrameworkWebhookStore</c> as an app uses it: it replaces the in-memory store, refuses to start with a
/// DbContext that cannot hold the store, and purges processed events in the background.
/// </summary>
public sealed class EntityFrameworkWebhookStoreRegistrationTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(TestClock.Start);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private IHost BuildHost(Action<IServiceCollection> addDbContextAndStore)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        addDbContextAndStore(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task AddEntityFrameworkWebhookStore_AfterAddDodoPayments_ReplacesTheInMemoryStoreForClaimsAndTheInbox()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddDbContext<TestShopDb>(_database.Configure);
        services.AddDodoPayments().AddEntityFrameworkWebhookStore<TestShopDb>();
        services.AddDodoPayments();

        // Act
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IWebhookIdempotencyStore>();
        var inbox = provider.GetRequiredService<IWebhookInboxStore>();

        // Assert
        Assert.IsType<EntityFrameworkWebhookStore<TestShopDb>>(store);
        Assert.Same(store, inbox);
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IWebhookIdempotencyStore));
    }

    [Fact]
    public async Task Start_DbContextWithoutTheWebhookTables_RefusesToStartNamingTheCallToAdd()
    {
        // Arrange
        using var host = BuildHost(services =>
        {
            services.AddDbContext<ForgetfulShopDb>(options => options.UseSqlite(_database.ConnectionString));
            services.AddDodoPayments().AddEntityFrameworkWebhookStore<ForgetfulShopDb>();
        });

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        // Assert
        Assert.Contains("ForgetfulShopDb", error.Message, StringComparison.Ordinal);
        Assert.Contains("modelBuilder.AddDodoWebhookStore()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DbContextThatRetriesFailedCommands_RefusesToStartSayingWhy()
    {
        // Arrange
        using var host = BuildHost(services =>
        {
            services.AddDbContext<TestShopDb>(options => options.UseSqlite(
                _database.ConnectionString, sqlite => sqlite.ExecutionStrategy(dependencies => new RetryingStrategy(dependencies))));
            services.AddDodoPayments().AddEntityFrameworkWebhookStore<TestShopDb>();
        });

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        // Assert
        Assert.Contains("EnableRetryOnFailure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProcessedEventsPastTheirRetention_ArePurgedInTheBackground()
    {
        // Arrange
        using var host = BuildHost(services =>
        {
            services.AddDbContext<TestShopDb>(_database.Configure);
            services.AddDodoPayments().AddEntityFrameworkWebhookStore<TestShopDb>();
        });
        var store = host.Services.GetRequiredService<IWebhookIdempotencyStore>();
        var old = await store.TryClaimAsync("msg_old", TimeSpan.FromSeconds(30), CancellationToken.None);
        await store.CompleteAsync(old, TimeSpan.FromHours(1), CancellationToken.None);
        var recent = await store.TryClaimAsync("msg_recent", TimeSpan.FromSeconds(30), CancellationToken.None);
        await store.CompleteAsync(recent, TimeSpan.FromHours(72), CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(2));
        var purger = host.Services.GetServices<IHostedService>().OfType<WebhookRecordPurger<TestShopDb>>().Single();

        // Act
        await host.StartAsync();
        await purger.FirstPurge.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        // Assert
        await using var db = _database.CreateContext();
        Assert.Equal(["msg_recent"], await db.Set<DodoWebhookEventRecord>().Select(e => e.WebhookId).ToArrayAsync());
    }

    /// <summary>An execution strategy that would retry, as <c>EnableRetryOnFailure</c> installs.</summary>
    private sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1))
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}
