using System.Collections.Concurrent;
using System.Net;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// Remembers <c>GET /products/{id}</c> answers so a busy checkout page does not send one API call per visit: a found
/// product for <see cref="DodoCheckoutOptions.ProductCacheDuration"/>, a missing one (404) for
/// <see cref="DodoCheckoutOptions.MissingProductCacheDuration"/>. Concurrent misses for one id share a single call.
/// Failures (5xx, timeouts) are not remembered. Expiry follows the registered <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Checkout endpoints are public, so anyone can ask for ids that do not exist to fill the cache. Past
/// <see cref="MaxEntries"/> it sheds entries down to <see cref="TrimmedEntries"/>: expired ones first, then products
/// Dodo did not know, least recently used first, and only then found products, least recently used first. A flood of
/// made-up ids therefore never pushes out the products customers actually buy. Lookups still in flight are never
/// dropped (their callers are waiting on them), so the count can pass the limit by the number of lookups in flight.
/// </remarks>
internal sealed class ProductCache(TimeProvider timeProvider)
{
    /// <summary>Past this many entries the cache sheds some.</summary>
    internal const int MaxEntries = 10_000;

    /// <summary>How many entries are left after shedding: a tenth of the room is freed at once, so shedding is rare.</summary>
    internal const int TrimmedEntries = MaxEntries - (MaxEntries / 10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _useClock;
    private int _trimming;

    internal int Count => _entries.Count;

    /// <summary>The product, or null when Dodo does not know it.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="client">The client of the request that asks.</param>
    /// <param name="checkout">The request's options: how long what is found, or not found, is remembered.</param>
    /// <param name="cancellationToken">Stops this caller's wait, not the lookup others may share.</param>
    /// <exception cref="DodoApiException">The lookup failed for another reason than 404.</exception>
    public Task<Product?> GetAsync(string productId, IDodoPaymentsApiClient client, DodoCheckoutOptions checkout, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_entries.TryGetValue(productId, out var existing))
            {
                if (!existing.IsExpired(timeProvider.GetUtcNow()))
                {
                    existing.Touch(Interlocked.Increment(ref _useClock));
                    return existing.Product.WaitAsync(cancellationToken);
                }

                _entries.TryRemove(KeyValuePair.Create(productId, existing));
                continue;
            }

            var created = new Entry(Interlocked.Increment(ref _useClock));
            if (_entries.TryAdd(productId, created))
            {
                Trim();
                _ = FetchAsync(productId, created, client, checkout);
                return created.Product.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>The one upstream call of an entry; not cancelled by any one caller, bounded by the API timeout.</summary>
    private async Task FetchAsync(string productId, Entry entry, IDodoPaymentsApiClient client, DodoCheckoutOptions checkout)
    {
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

    /// <summary>Sheds entries once past <see cref="MaxEntries"/>; one caller at a time, the others go on without waiting.</summary>
    private void Trim()
    {
        if (_entries.Count <= MaxEntries || Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            var now = timeProvider.GetUtcNow();
            var candidates = new List<(string Key, Entry Entry, int Keep, long LastUsed)>(_entries.Count);
            foreach (var (key, entry) in _entries)
            {
                if (entry.IsExpired(now))
                {
                    _entries.TryRemove(KeyValuePair.Create(key, entry));
                }
                else if (entry.IsKnown is { } known)
                {
                    candidates.Add((key, entry, known ? 1 : 0, entry.LastUsed));
                }
            }

            var excess = _entries.Count - TrimmedEntries;
            if (excess <= 0)
            {
                return;
            }

            candidates.Sort(static (x, y) => x.Keep != y.Keep ? x.Keep.CompareTo(y.Keep) : x.LastUsed.CompareTo(y.LastUsed));
            foreach (var (key, entry, _, _) in candidates)
            {
                if (excess <= 0)
                {
                    break;
                }

                if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
                {
                    excess--;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private sealed class Entry(long createdAt)
    {
        private readonly TaskCompletionSource<Product?> _product = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expiresAtTicks = long.MaxValue;
        private long _lastUsed = createdAt;

        public Task<Product?> Product => _product.Task;

        /// <summary>When the entry was last asked for, on the cache's own use counter (not the clock: ties would hide the order).</summary>
        public long LastUsed => Volatile.Read(ref _lastUsed);

        /// <summary>True for a found product, false for one Dodo did not know, null while the lookup is in flight.</summary>
        public bool? IsKnown => _product.Task.IsCompletedSuccessfully ? _product.Task.Result is not null : null;

        /// <summary>Pending entries never expire: callers join the call in flight.</summary>
        public bool IsExpired(DateTimeOffset now) => now.UtcTicks >= Volatile.Read(ref _expiresAtTicks);

        public void Touch(long now) => Volatile.Write(ref _lastUsed, now);

        public void Complete(Product? product, DateTimeOffset expiresAt)
        {
            Volatile.Write(ref _expiresAtTicks, expiresAt.UtcTicks);
            _product.TrySetResult(product);
        }

        public void Fail(Exception exception) => _product.TrySetException(exception);
    }
}
