using System.Collections.Concurrent;
using System.Net;
using DodoPayments.AspNetCore.Api;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// Remembers <c>GET /products/{id}</c> answers so a busy checkout page does not send one API call per visit: a found
/// product for <see cref="DodoCheckoutOptions.ProductCacheDuration"/>, a missing one (404) for
/// <see cref="DodoCheckoutOptions.MissingProductCacheDuration"/>. Concurrent misses for one id share a single call.
/// Failures (5xx, timeouts) are not remembered. Expiry follows the registered <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ProductCache(IOptionsMonitor<DodoPaymentsOptions> options, TimeProvider timeProvider)
{
    /// <summary>Past this many entries the expired ones are dropped, and if that is not enough, all of them.</summary>
    internal const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal int Count => _entries.Count;

    /// <summary>The product, or null when Dodo does not know it.</summary>
    /// <exception cref="DodoApiException">The lookup failed for another reason than 404.</exception>
    public Task<Product?> GetAsync(string productId, IDodoPaymentsApiClient client, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_entries.TryGetValue(productId, out var existing))
            {
                if (!existing.IsExpired(timeProvider.GetUtcNow()))
                {
                    return existing.Product.WaitAsync(cancellationToken);
                }

                _entries.TryRemove(KeyValuePair.Create(productId, existing));
                continue;
            }

            var created = new Entry();
            if (_entries.TryAdd(productId, created))
            {
                Trim();
                _ = FetchAsync(productId, created, client);
                return created.Product.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>The one upstream call of an entry; not cancelled by any one caller, bounded by the API timeout.</summary>
    private async Task FetchAsync(string productId, Entry entry, IDodoPaymentsApiClient client)
    {
        var checkout = options.CurrentValue.Checkout;
        try
        {
            var product = await client.GetProductAsync(productId, CancellationToken.None).ConfigureAwait(false);
            entry.Complete(product, timeProvider.GetUtcNow() + checkout.ProductCacheDuration);
        }
        catch (DodoApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            entry.Complete(null, timeProvider.GetUtcNow() + checkout.MissingProductCacheDuration);
        }
        catch (Exception exception)
        {
            _entries.TryRemove(KeyValuePair.Create(productId, entry));
            entry.Fail(exception);
        }
    }

    private void Trim()
    {
        if (_entries.Count <= MaxEntries)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.IsExpired(now))
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }

        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed class Entry
    {
        private readonly TaskCompletionSource<Product?> _product = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expiresAtTicks = long.MaxValue;

        public Task<Product?> Product => _product.Task;

        /// <summary>Pending entries never expire: callers join the call in flight.</summary>
        public bool IsExpired(DateTimeOffset now) => now.UtcTicks >= Volatile.Read(ref _expiresAtTicks);

        public void Complete(Product? product, DateTimeOffset expiresAt)
        {
            Volatile.Write(ref _expiresAtTicks, expiresAt.UtcTicks);
            _product.TrySetResult(product);
        }

        public void Fail(Exception exception) => _product.TrySetException(exception);
    }
}
