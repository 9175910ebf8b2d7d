using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DodoPayments.AspNetCore.TestSupport;

/// <summary>
/// The contract every <see cref="IWebhookIdempotencyStore"/> keeps, run against each implementation (in memory, SQLite,
/// PostgreSQL): claims are exclusive and fenced by their owner token, leases expire and renew, completion and release
/// behave, and handler completions survive a release.
/// </summary>
public abstract class WebhookIdempotencyStoreContract
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan Retention = TimeSpan.FromHours(72);

    /// <summary>The clock the store reads; the contract moves it.</summary>
    internal FakeTimeProvider Clock { get; } = new(TestClock.Start);

    /// <summary>Creates the store under test (a fresh, empty one per test), reading <see cref="Clock"/>.</summary>
    protected abstract Task<IWebhookIdempotencyStore> CreateStoreAsync();

    /// <summary>A DI scope a handler would run in; stores that need the app's services (EF Core) read them here.</summary>
    protected abstract AsyncServiceScope CreateHandlerScope();

    private static string NewId() => $"msg_{Guid.NewGuid():N}";

    [Fact]
    public async Task TryClaim_NewId_IsClaimedThenInProgress()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();

        // Act
        var first = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        var second = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, first.Result);
        Assert.NotEqual(Guid.Empty, first.OwnerToken);
        Assert.Empty(first.CompletedHandlers);
        Assert.Equal(WebhookClaimResult.InProgress, second.Result);
    }

    [Fact]
    public async Task TryClaim_CompletedId_IsAlreadyProcessedForTheWholeRetention()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        var claim = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        Assert.True(await store.CompleteAsync(claim, Retention, CancellationToken.None));

        // Act
        Clock.Advance(Retention - TimeSpan.FromSeconds(1));
        var withinRetention = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, withinRetention.Result);
    }

    [Fact]
    public async Task TryClaim_ReleasedId_IsClaimedAgainWithANewOwner()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        var first = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        Assert.True(await store.ReleaseAsync(first, CancellationToken.None));

        // Act
        var second = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, second.Result);
        Assert.NotEqual(first.OwnerToken, second.OwnerToken);
    }

    [Fact]
    public async Task TryClaim_ClaimOlderThanItsLease_IsTakenOver()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Act
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takeover = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, takeover.Result);
    }

    [Fact]
    public async Task Renew_LiveClaim_KeepsItPastTheFirstLease()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        var claim = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Act
        Clock.Advance(Lease - TimeSpan.FromSeconds(5));
        var renewed = await store.RenewAsync(claim, Lease, CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(10));
        var other = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Assert
        Assert.True(renewed);
        Assert.Equal(WebhookClaimResult.InProgress, other.Result);
    }

    [Fact]
    public async Task StaleOwner_AfterTakeover_CannotRenewCompleteReleaseOrRecordHandlers()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        var stale = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        Assert.Equal(WebhookClaimResult.Claimed, current.Result);

        // Act
        var renewed = await store.RenewAsync(stale, Lease, CancellationToken.None);
        var completed = await store.CompleteAsync(stale, Retention, CancellationToken.None);
        var released = await store.ReleaseAsync(stale, CancellationToken.None);
        await using var scope = CreateHandlerScope();
        await using var run = await store.BeginHandlerAsync(stale, "handler", scope.ServiceProvider, CancellationToken.None);
        await Assert.ThrowsAsync<WebhookClaimLostException>(() => run.CommitAsync(CancellationToken.None).AsTask());

        // Assert: the current owner still holds the event and can complete it.
        Assert.False(renewed);
        Assert.False(completed);
        Assert.False(released);
        Assert.Equal(WebhookClaimResult.InProgress, (await store.TryClaimAsync(id, Lease, CancellationToken.None)).Result);
        Assert.True(await store.CompleteAsync(current, Retention, CancellationToken.None));
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, (await store.TryClaimAsync(id, Lease, CancellationToken.None)).Result);
    }

    [Fact]
    public async Task CompletedHandlers_SurviveARelease_AndComeBackWithTheNextClaim()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        var first = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        await using (var scope = CreateHandlerScope())
        {
            await using var done = await store.BeginHandlerAsync(first, "FulfilOrder:payment.succeeded", scope.ServiceProvider, CancellationToken.None);
            await done.CommitAsync(CancellationToken.None);
        }

        await using (var scope = CreateHandlerScope())
        {
            // A second handler that threw: its run is disposed without a commit.
            await using var failed = await store.BeginHandlerAsync(first, "SendEmail:payment.succeeded", scope.ServiceProvider, CancellationToken.None);
        }

        await store.ReleaseAsync(first, CancellationToken.None);

        // Act
        var second = await store.TryClaimAsync(id, Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, second.Result);
        Assert.Equal(["FulfilOrder:payment.succeeded"], second.CompletedHandlers.ToArray());
    }

    [Fact]
    public async Task TryClaim_SameIdConcurrently_IsClaimedExactlyOnce()
    {
        // Arrange
        var store = await CreateStoreAsync();
        var id = NewId();
        using var start = new ManualResetEventSlim();

        // Act
        var claims = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await store.TryClaimAsync(id, Lease, CancellationToken.None);
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(claims);

        // Assert
        Assert.Single(results, result => result.Result == WebhookClaimResult.Claimed);
        Assert.Equal(15, results.Count(result => result.Result == WebhookClaimResult.InProgress));
    }
}
