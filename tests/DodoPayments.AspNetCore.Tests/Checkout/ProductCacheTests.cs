using System.Net;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.PlanChange;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class ProductCacheTests
{
    private readonly FakeTimeProvider _clock = new();
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
            Assert.NotNull(await cache.GetAsync("pdt_1", _client, CancellationToken.None));
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
        await cache.GetAsync("pdt_1", _client, CancellationToken.None);

        // Act
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        await cache.GetAsync("pdt_1", _client, CancellationToken.None);
        var callsBeforeExpiry = _client.Calls;
        _clock.Advance(TimeSpan.FromTicks(1));
        await cache.GetAsync("pdt_1", _client, CancellationToken.None);

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
        var first = await cache.GetAsync("pdt_missing", _client, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(29));
        await cache.GetAsync("pdt_missing", _client, CancellationToken.None);
        var callsWithinWindow = _client.Calls;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync("pdt_missing", _client, CancellationToken.None);

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
        await cache.GetAsync("pdt_1", _client, CancellationToken.None);
        await cache.GetAsync("pdt_1", _client, CancellationToken.None);

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
        var waiting = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("pdt_1", _client, CancellationToken.None)).ToList();
        _client.Gate.SetResult();
        var products = await Task.WhenAll(waiting);

        // Assert
        Assert.Equal(1, _client.Calls);
        Assert.All(products, product => Assert.Equal("pdt_1", product?.ProductId));
    }

    [Fact]
    public async Task GetAsync_DodoFails_ThrowsAndDoesNotRemember()
    {
        // Arrange
        var cache = CreateCache();
        _client.FailWith = new DodoApiException(DodoApiErrorKind.ErrorResponse, "GET /products/{id}", HttpStatusCode.ServiceUnavailable);

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => cache.GetAsync("pdt_1", _client, CancellationToken.None));
        _client.FailWith = null;
        var product = await cache.GetAsync("pdt_1", _client, CancellationToken.None);

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
        var impatient = cache.GetAsync("pdt_1", _client, cancelled.Token);
        var patient = cache.GetAsync("pdt_1", _client, CancellationToken.None);
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
            await cache.GetAsync($"pdt_missing_{i}", _client, CancellationToken.None);
        }

        // Assert
        Assert.True(cache.Count <= ProductCache.MaxEntries, $"{cache.Count} entries");
    }

    private ProductCache CreateCache() => new(new StaticOptionsMonitor(_options), _clock);

    private sealed class StaticOptionsMonitor(DodoPaymentsOptions value) : IOptionsMonitor<DodoPaymentsOptions>
    {
        public DodoPaymentsOptions CurrentValue => value;

        public DodoPaymentsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<DodoPaymentsOptions, string?> listener) => null;
    }

    /// <summary>Knows every product whose id does not contain "missing"; counts calls; can hold them at a gate or fail them.</summary>
    private sealed class CountingClient : UnsupportedDodoApiClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource? Gate { get; set; }

        public DodoApiException? FailWith { get; set; }

        public override async Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default)
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
