using System.Net;
using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Instances;
using DodoPayments.AspNetCore.HealthChecks;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests;

/// <summary>
/// <c>AddHealthChecks().AddDodoPayments()</c> over the EF Core store, through real HTTP (<c>MapHealthChecks</c> on
/// Kestrel): the database reachable or not, and in inbox mode the store's bounded counts of pending and dead events
/// against the thresholds. Rows are seeded not yet due, on the app's fake clock, so the inbox processor leaves them be.
/// </summary>
public abstract class WebhookStoreHealthCheckTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private WebApplication? _app;
    private HttpClient? _client;

    public Task InitializeAsync() => database.ResetAsync();

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Points the app's context at a server or file that cannot be reached.</summary>
    protected abstract void ConfigureUnreachable(DbContextOptionsBuilder options);

    /// <summary>Starts the app on a loopback port: the EF Core store on <paramref name="configure"/>'s database, the check at <c>/health</c>.</summary>
    protected async Task StartAsync(
        Action<DbContextOptionsBuilder>? configure = null,
        bool inbox = false,
        Action<DodoPaymentsHealthCheckOptions>? thresholds = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Configuration["DodoPayments:WebhookKey"] = Deliveries.Secret;
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddDbContext<TestShopDb>(configure ?? database.Configure);
        var dodo = builder.Services.AddDodoPayments().AddEntityFrameworkWebhookStore<TestShopDb>();
        if (inbox)
        {
            dodo.UseWebhookInbox();
        }

        builder.Services.AddHealthChecks().AddDodoPayments(configure: thresholds);
        _app = builder.Build();
        _app.MapDodoWebhooks();
        _app.MapHealthChecks("/health", HealthReportJson.Options);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    protected async Task<(HttpStatusCode Code, string Status, string Description, Dictionary<string, long> Data)> GetHealthAsync()
    {
        using var response = await _client!.GetAsync(new Uri("/health", UriKind.Relative));
        var (status, description, data) = await HealthReportJson.ReadAsync(response);
        return (response.StatusCode, status, description, data);
    }

    /// <summary>Adds inbox events in <paramref name="state"/>, due in an hour (pending ones), and as many inline rows (no body).</summary>
    protected async Task SeedAsync(DodoWebhookInboxState state, int count, string prefix)
    {
        await using var db = database.CreateContext();
        var now = _clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            db.Add(new DodoWebhookEventRecord
            {
                WebhookId = $"msg_{prefix}{i}",
                Type = "payment.succeeded",
                Body = "{}"u8.ToArray(),
                ReceivedAt = now,
                State = state,
                Attempts = state == DodoWebhookInboxState.Dead ? 10 : 1,
                NextAttemptAt = state == DodoWebhookInboxState.Pending ? now.AddHours(1) : null,
            });
            db.Add(new DodoWebhookEventRecord { WebhookId = $"msg_inline_{prefix}{i}", ReceivedAt = now, State = state });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task GetHealth_DatabaseReachable_Answers200Healthy()
    {
        // Arrange
        await StartAsync();

        // Act
        var (code, status, description, data) = await GetHealthAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Healthy", status);
        Assert.Equal("Dodo Payments: configuration valid, webhook store reachable.", description);
        Assert.Empty(data);
    }

    [Fact]
    public async Task GetHealth_DatabaseUnreachable_Answers503NamingTheExceptionType()
    {
        // Arrange
        await StartAsync(ConfigureUnreachable);

        // Act
        var (code, status, description, _) = await GetHealthAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("Unhealthy", status);
        Assert.Matches("^The webhook store cannot be reached: [A-Za-z]+Exception\\.$", description);
    }

    [Fact]
    public async Task GetHealth_InboxWithinThresholds_Answers200WithTheCountsOfInboxEventsOnly()
    {
        // Arrange
        await SeedAsync(DodoWebhookInboxState.Pending, 3, "wait");
        await SeedAsync(DodoWebhookInboxState.Processed, 2, "done");
        await StartAsync(inbox: true);

        // Act
        var (code, status, description, data) = await GetHealthAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Healthy", status);
        Assert.Equal("Dodo Payments: configuration valid, webhook store reachable, pending inbox events: 3, dead inbox events: 0.", description);
        Assert.Equal(new Dictionary<string, long> { ["inbox_backlog"] = 3, ["inbox_dead"] = 0 }, data);
    }

    [Fact]
    public async Task GetHealth_BacklogAboveTheDegradedThreshold_Answers200Degraded()
    {
        // Arrange
        await SeedAsync(DodoWebhookInboxState.Pending, 4, "wait");
        await StartAsync(inbox: true, thresholds: o => o.InboxBacklogDegradedThreshold = 3);

        // Act
        var (code, status, description, data) = await GetHealthAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Degraded", status);
        Assert.Equal("Too many pending inbox events: 4, more than 3 (the Degraded threshold).", description);
        Assert.Equal(4, data["inbox_backlog"]);
    }

    [Fact]
    public async Task GetHealth_BacklogAboveTheUnhealthyThreshold_Answers503WithTheCountStoppedAtThresholdPlusOne()
    {
        // Arrange
        await SeedAsync(DodoWebhookInboxState.Pending, 12, "wait");
        await StartAsync(inbox: true, thresholds: o => (o.InboxBacklogDegradedThreshold, o.InboxBacklogUnhealthyThreshold) = (2, 5));

        // Act
        var (code, status, description, data) = await GetHealthAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Too many pending inbox events: more than 5 (the Unhealthy threshold).", description);
        Assert.Equal(6, data["inbox_backlog"]);
    }

    [Fact]
    public async Task GetHealth_DeadEventsAboveTheUnhealthyThreshold_Answers503()
    {
        // Arrange
        await SeedAsync(DodoWebhookInboxState.Dead, 3, "dead");
        await StartAsync(inbox: true, thresholds: o => o.DeadEventsUnhealthyThreshold = 2);

        // Act
        var (code, status, description, data) = await GetHealthAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Too many dead inbox events: more than 2 (the Unhealthy threshold).", description);
        Assert.Equal(new Dictionary<string, long> { ["inbox_backlog"] = 0, ["inbox_dead"] = 3 }, data);
    }

    [Fact]
    public async Task CountAsync_MoreEventsThanTheLimit_StopsAtTheLimit()
    {
        // Arrange
        await SeedAsync(DodoWebhookInboxState.Dead, 5, "dead");
        await using var app = new StoreApp(database, _clock);

        // Act
        var limited = await app.Inbox.CountAsync(DodoWebhookInboxState.Dead, 3, CancellationToken.None);
        var all = await app.Inbox.CountAsync(DodoWebhookInboxState.Dead, 100, CancellationToken.None);
        var pending = await app.Inbox.CountAsync(DodoWebhookInboxState.Pending, 100, CancellationToken.None);

        // Assert
        Assert.Equal(3, limited);
        Assert.Equal(5, all);
        Assert.Equal(0, pending);
    }
}

/// <summary>The health check over SQLite (a file database).</summary>
public sealed class SqliteWebhookStoreHealthCheckTests(SqliteDatabase database)
    : WebhookStoreHealthCheckTests(database), IClassFixture<SqliteDatabase>
{
    protected override void ConfigureUnreachable(DbContextOptionsBuilder options) =>
        options.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "shop.db")}");

    [Fact]
    public async Task GetHealth_DatabaseWithoutTheStoreTables_Answers503()
    {
        // Arrange
        var empty = Path.Combine(Path.GetTempPath(), $"dodo-empty-{Guid.NewGuid():N}.db");
        try
        {
            await StartAsync(options => options.UseSqlite($"Data Source={empty};Pooling=false"));

            // Act
            var (code, _, description, _) = await GetHealthAsync();

            // Assert
            Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
            Assert.Equal("The webhook store cannot be reached: SqliteException.", description);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}

/// <summary>The health check over PostgreSQL.</summary>
public sealed class PostgresWebhookStoreHealthCheckTests(PostgresDatabase database)
    : WebhookStoreHealthCheckTests(database), IClassFixture<PostgresDatabase>
{
    /// <summary>Port 1 on loopback: nothing listens, the connection is refused at once.</summary>
    protected override void ConfigureUnreachable(DbContextOptionsBuilder options) =>
        options.UseNpgsql("Host=127.0.0.1;Port=1;Database=shop;Username=shop;Password=unused;Timeout=3");
}
