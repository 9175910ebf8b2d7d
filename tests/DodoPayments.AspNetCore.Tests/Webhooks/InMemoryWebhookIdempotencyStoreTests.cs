using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

public sealed class InMemoryWebhookIdempotencyStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(72);

    [Fact]
    public async Task TryClaim_NewId_IsClaimedThenInProgress()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(new FakeTimeProvider());

        // Act
        var first = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);
        var second = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, first);
        Assert.Equal(WebhookClaimResult.InProgress, second);
    }

    [Fact]
    public async Task TryClaim_CompletedId_IsAlreadyProcessedForTheWholeRetention()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var store = new InMemoryWebhookIdempotencyStore(clock);
        await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);
        await store.CompleteAsync("msg_1", Retention, CancellationToken.None);

        // Act
        clock.Advance(Retention - TimeSpan.FromSeconds(1));
        var withinRetention = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterRetention = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, withinRetention);
        Assert.Equal(WebhookClaimResult.Claimed, afterRetention);
    }

    [Fact]
    public async Task TryClaim_ReleasedId_IsClaimedAgain()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(new FakeTimeProvider());
        await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);
        await store.ReleaseAsync("msg_1", CancellationToken.None);

        // Act
        var result = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, result);
    }

    [Fact]
    public async Task Release_CompletedId_KeepsItProcessed()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(new FakeTimeProvider());
        await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);
        await store.CompleteAsync("msg_1", Retention, CancellationToken.None);

        // Act
        await store.ReleaseAsync("msg_1", CancellationToken.None);
        var result = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, result);
    }

    [Fact]
    public async Task TryClaim_ClaimOlderThanItsLease_IsClaimedAgain()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var store = new InMemoryWebhookIdempotencyStore(clock);
        await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Act
        clock.Advance(Lease);
        var result = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, result);
    }

    [Fact]
    public async Task TryClaim_SameIdFromManyThreads_IsClaimedExactlyOnce()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(new FakeTimeProvider());
        using var start = new ManualResetEventSlim();

        // Act
        var claims = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await store.TryClaimAsync("msg_race", Lease, CancellationToken.None);
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(claims);

        // Assert
        Assert.Single(results, result => result == WebhookClaimResult.Claimed);
        Assert.Equal(63, results.Count(result => result == WebhookClaimResult.InProgress));
    }

    [Fact]
    public async Task TryClaim_StoreFull_StaysBoundedDroppingTheOldestProcessedFirst()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(new FakeTimeProvider()) { Capacity = 10 };
        for (var i = 0; i < 25; i++)
        {
            await store.TryClaimAsync($"msg_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync($"msg_{i}", Retention, CancellationToken.None);
        }

        // Act
        var newest = await store.TryClaimAsync("msg_24", Lease, CancellationToken.None);
        var oldest = await store.TryClaimAsync("msg_0", Lease, CancellationToken.None);

        // Assert
        Assert.True(store.Count <= 10);
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, newest);
        Assert.Equal(WebhookClaimResult.Claimed, oldest);
    }

    [Fact]
    public async Task TryClaim_ExpiredEntries_AreDroppedBeforeAnyLiveOne()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        var store = new InMemoryWebhookIdempotencyStore(clock) { Capacity = 100 };
        for (var i = 0; i < 50; i++)
        {
            await store.TryClaimAsync($"old_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync($"old_{i}", TimeSpan.FromHours(1), CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromHours(2));

        // Act
        await store.TryClaimAsync("msg_new", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(1, store.Count);
    }
}
