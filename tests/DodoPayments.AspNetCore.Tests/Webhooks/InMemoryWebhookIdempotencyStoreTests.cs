using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

/// <summary>The in-memory store keeps the same contract as the durable ones, and stays bounded.</summary>
public sealed class InMemoryWebhookIdempotencyStoreTests : WebhookIdempotencyStoreContract
{
    private static readonly ServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    protected override Task<IWebhookIdempotencyStore> CreateStoreAsync() =>
        Task.FromResult<IWebhookIdempotencyStore>(new InMemoryWebhookIdempotencyStore(Clock));

    protected override AsyncServiceScope CreateHandlerScope() => Services.CreateAsyncScope();

    [Fact]
    public async Task TryClaim_CompletedIdAfterRetention_IsClaimedAgain()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(Clock);
        var claim = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);
        await store.CompleteAsync(claim, Retention, CancellationToken.None);

        // Act
        Clock.Advance(Retention);
        var afterRetention = await store.TryClaimAsync("msg_1", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, afterRetention.Result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2000)]
    public async Task TryClaim_CompletedIdOfAnyLength_IsAlreadyProcessedAndOtherIdsAreNot(int length)
    {
        // Arrange: ids are held by digest; long ones (over the stack buffer) and ids differing in one character alike.
        var store = new InMemoryWebhookIdempotencyStore(Clock);
        var id = "msg_" + new string('é', length);
        var claim = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        await store.CompleteAsync(claim, Retention, CancellationToken.None);

        // Act
        var again = await store.TryClaimAsync(id, Lease, CancellationToken.None);
        var other = await store.TryClaimAsync(id[..^1] + "e", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, again.Result);
        Assert.Equal(WebhookClaimResult.Claimed, other.Result);
    }

    [Fact]
    public async Task TryClaim_StoreFull_StaysBoundedDroppingTheOldestProcessedFirst()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(Clock) { Capacity = 10 };
        for (var i = 0; i < 25; i++)
        {
            var claim = await store.TryClaimAsync($"msg_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync(claim, Retention, CancellationToken.None);
        }

        // Act
        var newest = await store.TryClaimAsync("msg_24", Lease, CancellationToken.None);
        var oldest = await store.TryClaimAsync("msg_0", Lease, CancellationToken.None);

        // Assert
        Assert.True(store.Count <= 10);
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, newest.Result);
        Assert.Equal(WebhookClaimResult.Claimed, oldest.Result);
    }

    [Fact]
    public async Task TryClaim_FullStoreForgettingIdsWithinRetention_WarnsOncePerInterval()
    {
        // Arrange
        var logger = new FakeLogger<InMemoryWebhookIdempotencyStore>();
        var store = new InMemoryWebhookIdempotencyStore(Clock, logger) { Capacity = 10 };

        // Act: 25 processed ids, 15 of them forgotten within their retention, then more after the interval.
        for (var i = 0; i < 25; i++)
        {
            var claim = await store.TryClaimAsync($"msg_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync(claim, Retention, CancellationToken.None);
        }

        var withinInterval = logger.Collector.GetSnapshot().Count(entry => entry.Id.Id == 318);
        Clock.Advance(InMemoryWebhookIdempotencyStore.FullWarningInterval);
        for (var i = 25; i < 30; i++)
        {
            var claim = await store.TryClaimAsync($"msg_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync(claim, Retention, CancellationToken.None);
        }

        // Assert
        Assert.Equal(1, withinInterval);
        var warnings = logger.Collector.GetSnapshot().Where(entry => entry.Id.Id == 318).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, warning => Assert.Equal(LogLevel.Warning, warning.Level));
        Assert.Contains("10 ids", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryClaim_FullStoreDroppingOnlyExpiredIds_DoesNotWarn()
    {
        // Arrange
        var logger = new FakeLogger<InMemoryWebhookIdempotencyStore>();
        var store = new InMemoryWebhookIdempotencyStore(Clock, logger) { Capacity = 10 };
        for (var i = 0; i < 10; i++)
        {
            var claim = await store.TryClaimAsync($"old_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync(claim, TimeSpan.FromHours(1), CancellationToken.None);
        }

        Clock.Advance(TimeSpan.FromHours(2));

        // Act
        for (var i = 0; i < 10; i++)
        {
            await store.TryClaimAsync($"new_{i}", Lease, CancellationToken.None);
        }

        // Assert
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), entry => entry.Id.Id == 318);
    }

    [Fact]
    public async Task TryClaim_ExpiredEntries_AreDroppedBeforeAnyLiveOne()
    {
        // Arrange
        var store = new InMemoryWebhookIdempotencyStore(Clock) { Capacity = 100 };
        for (var i = 0; i < 50; i++)
        {
            var claim = await store.TryClaimAsync($"old_{i}", Lease, CancellationToken.None);
            await store.CompleteAsync(claim, TimeSpan.FromHours(1), CancellationToken.None);
        }

        Clock.Advance(TimeSpan.FromHours(2));

        // Act
        await store.TryClaimAsync("msg_new", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(1, store.Count);
    }
}
