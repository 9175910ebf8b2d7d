using System.Net;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout.Internal;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class ProductCacheTests
{
    private readonly FakeTimeProvider _clock = new(TestClock.Start);
    private readonly CountingClient _client = new();
    private readonly DodoPaymentsOptions _options = new();

    [Fact]
    public async Task GetAsync_ManyCallsWithinDuration_CallsDodoOnce()
    {
        // Arrange
        var cache = CreateCache();

        // Act
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None));
            _clock.Advance(TimeSpan.FromSeconds(29));
        }

        // Assert
        Assert.Equal(1, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_FoundProductAfterDuration_CallsDodoAgain()
    {
        // Arrange
        _options.Checkout.ProductCacheDuration = TimeSpan.FromMinutes(5);
        var cache = CreateCache();
        await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);

        // Act
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);
        var callsBeforeExpiry = _client.Calls;
        _clock.Advance(TimeSpan.FromTicks(1));
        await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);

        // Assert
        Assert.Equal(1, callsBeforeExpiry);
        Assert.Equal(2, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_MissingProduct_RememberedForMissingDurationOnly()
    {
        // Arrange
        _options.Checkout.MissingProductCacheDuration = TimeSpan.FromSeconds(30);
        var cache = CreateCache();

        // Act
        var first = await cache.GetAsync("pdt_missing", _client, _options.Checkout, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(29));
        await cache.GetAsync("pdt_missing", _client, _options.Checkout, CancellationToken.None);
        var callsWithinWindow = _client.Calls;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync("pdt_missing", _client, _options.Checkout, CancellationToken.None);

        // Assert
        Assert.Null(first);
        Assert.Equal(1, callsWithinWindow);
        Assert.Equal(2, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_ZeroDuration_CallsDodoEachTime()
    {
        // Arrange
        _options.Checkout.ProductCacheDuration = TimeSpan.Zero;
        var cache = CreateCache();

        // Act
        await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);
        await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);

        // Assert
        Assert.Equal(2, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_ConcurrentMisses_ShareOneCall()
    {
        // Arrange
        var cache = CreateCache();
        _client.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Act
        var waiting = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None)).ToList();
        _client.Gate.SetResult();
        var products = await Task.WhenAll(waiting);

        // Assert
        Assert.Equal(1, _client.Calls);
        Assert.All(products, product => Assert.Equal("pdt_1", product?.ProductId));
    }

    [Fact]
    public async Task GetAsync_ConcurrentLookupsOfMissingProduct_ShareOneCallAndRememberIt()
    {
        // Arrange: many requests for an id that does not exist, all in flight at once.
        _options.Checkout.MissingProductCacheDuration = TimeSpan.FromSeconds(30);
        var cache = CreateCache();
        _client.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Act
        var waiting = Enumerable.Range(0, 50).Select(_ => cache.GetAsync("pdt_missing", _client, _options.Checkout, CancellationToken.None)).ToList();
        _client.Gate.SetResult();
        var products = await Task.WhenAll(waiting);
        _clock.Advance(TimeSpan.FromSeconds(29));
        var later = await cache.GetAsync("pdt_missing", _client, _options.Checkout, CancellationToken.None);

        // Assert
        Assert.All(products, Assert.Null);
        Assert.Null(later);
        Assert.Equal(1, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_FloodOfUnknownIds_KeepsTheHotProductCached()
    {
        // Arrange: a product customers buy, then an attacker asking for twice the cache's room in made-up ids.
        _options.Checkout.ProductCacheDuration = TimeSpan.FromHours(1);
        _options.Checkout.MissingProductCacheDuration = TimeSpan.FromHours(1);
        var cache = CreateCache();
        await cache.GetAsync("pdt_hot", _client, _options.Checkout, CancellationToken.None);

        // Act
        for (var i = 0; i < 2 * ProductCache.MaxEntries; i++)
        {
            await cache.GetAsync($"pdt_missing_{i}", _client, _options.Checkout, CancellationToken.None);
        }

        var callsBefore = _client.Calls;
        var hot = await cache.GetAsync("pdt_hot", _client, _options.Checkout, CancellationToken.None);

        // Assert
        Assert.NotNull(hot);
        Assert.Equal(callsBefore, _client.Calls);
        Assert.True(cache.Count <= ProductCache.MaxEntries, $"{cache.Count} entries");
    }

    [Fact]
    public async Task GetAsync_FullCache_DropsExpiredEntriesBeforeLiveOnes()
    {
        // Arrange: long-lived products asked for first (least recently used), then short-lived ones that expire.
        var cache = CreateCache();
        _options.Checkout.ProductCacheDuration = TimeSpan.FromHours(1);
        for (var i = 0; i < 100; i++)
        {
            await cache.GetAsync($"pdt_live_{i}", _client, _options.Checkout, CancellationToken.None);
        }

        _options.Checkout.ProductCacheDuration = TimeSpan.FromMinutes(1);
        for (var i = 0; i < ProductCache.MaxEntries - 100; i++)
        {
            await cache.GetAsync($"pdt_short_{i}", _client, _options.Checkout, CancellationToken.None);
        }

        _clock.Advance(TimeSpan.FromMinutes(2));

        // Act: one more entry than there is room for.
        await cache.GetAsync("pdt_new", _client, _options.Checkout, CancellationToken.None);
        await cache.GetAsync("pdt_newer", _client, _options.Checkout, CancellationToken.None);
        var callsBefore = _client.Calls;
        for (var i = 0; i < 100; i++)
        {
            await cache.GetAsync($"pdt_live_{i}", _client, _options.Checkout, CancellationToken.None);
        }

        // Assert
        Assert.Equal(callsBefore, _client.Calls);
        Assert.Equal(102, cache.Count);
    }

    [Fact]
    public async Task GetAsync_FullCacheOfFoundProducts_DropsLeastRecentlyUsed()
    {
        // Arrange: a full cache of found products, one of which is asked for again after all the others.
        _options.Checkout.ProductCacheDuration = TimeSpan.FromHours(1);
        var cache = CreateCache();
        for (var i = 0; i < ProductCache.MaxEntries; i++)
        {
            await cache.GetAsync($"pdt_{i}", _client, _options.Checkout, CancellationToken.None);
        }

        await cache.GetAsync("pdt_0", _client, _options.Checkout, CancellationToken.None);

        // Act
        await cache.GetAsync("pdt_overflow", _client, _options.Checkout, CancellationToken.None);
        var callsBefore = _client.Calls;
        await cache.GetAsync("pdt_0", _client, _options.Checkout, CancellationToken.None);
        var afterRecent = _client.Calls;
        await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);

        // Assert: pdt_0 was used last, so it stayed; pdt_1 was the least recently used, so it went.
        Assert.Equal(callsBefore, afterRecent);
        Assert.Equal(afterRecent + 1, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_DodoFails_ThrowsAndDoesNotRemember()
    {
        // Arrange
        var cache = CreateCache();
        _client.FailWith = new DodoApiException(DodoApiErrorKind.ErrorResponse, "GET /products/{id}", HttpStatusCode.ServiceUnavailable);

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None));
        _client.FailWith = null;
        var product = await cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.NotNull(product);
        Assert.Equal(2, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_OtherCallersStillGetTheProduct()
    {
        // Arrange
        var cache = CreateCache();
        _client.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancelled = new CancellationTokenSource();

        // Act
        var impatient = cache.GetAsync("pdt_1", _client, _options.Checkout, cancelled.Token);
        var patient = cache.GetAsync("pdt_1", _client, _options.Checkout, CancellationToken.None);
        await cancelled.CancelAsync();
        _client.Gate.SetResult();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.NotNull(await patient);
        Assert.Equal(1, _client.Calls);
    }

    [Fact]
    public async Task GetAsync_MoreIdsThanLimit_KeepsCacheBounded()
    {
        // Arrange
        _options.Checkout.MissingProductCacheDuration = TimeSpan.FromHours(1);
        var cache = CreateCache();

        // Act
        for (var i = 0; i <= ProductCache.MaxEntries + 1; i++)
        {
            await cache.GetAsync($"pdt_missing_{i}", _client, _options.Checkout, CancellationToken.None);
        }

        // Assert
        Assert.True(cache.Count <= ProductCache.MaxEntries, $"{cache.Count} entries");
    }

    private ProductCache CreateCache() => new(_clock);

    /// <summary>
    /// Knows every product whose id does not contain "missing"; counts calls; can hold them at a gate or fail them. It
    /// implements the one call the cache makes: the client's other calls have defaults.
    /// </summary>
    private sealed class CountingClient : IDodoPaymentsApiClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource? Gate { get; set; }

        public DodoApiException? FailWith { get; set; }

        public async Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            if (FailWith is { } failure)
            {
                throw failure;
            }

            return productId.Contains("missing", StringComparison.Ordinal)
                ? throw new DodoApiException(DodoApiErrorKind.ErrorResponse, "GET /products/{id}", HttpStatusCode.NotFound, "NOT_FOUND", "Product not found")
                : new Product { ProductId = productId };
        }
    }
}
