using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The default <see cref="IWebhookIdempotencyStore"/>: in the process memory, for an app running one instance.
/// Processed ids are kept for the retention asked (72 hours by default), and the store holds at most
/// <see cref="Capacity"/> ids: when full, expired ids go first, then the oldest processed ones (the size bound wins,
/// so memory stays bounded under a flood; a shared store is the answer for larger volumes). Forgetting ids still within
/// their retention logs a Warning, at most once per <see cref="FullWarningInterval"/>.
/// </summary>
/// <remarks>
/// Ids are held as the first 128 bits of their SHA-256 (no collision in any realistic number of ids) in structs inside
/// the dictionary, not as objects: a processed id leaves no object behind on the heap, so keeping 100,000 of them does
/// not make every garbage collection promote and re-scan a new object per delivery (under load the retained strings
/// and entries drove gen1 and gen2 collections, and with them the webhook endpoint's tail latency).
/// </remarks>
internal sealed class InMemoryWebhookIdempotencyStore(TimeProvider timeProvider, ILogger<InMemoryWebhookIdempotencyStore>? logger = null) : IWebhookIdempotencyStore
{
    /// <summary>The default most ids held: about 10 MB, several days of a busy shop's events.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>The least time between two warnings that the store forgot ids still within their retention.</summary>
    public static readonly TimeSpan FullWarningInterval = TimeSpan.FromMinutes(5);

    /// <summary>Ids up to this many UTF-8 bytes are digested from the stack.</summary>
    private const int StackIdLimit = 1024;

    private readonly Lock _lock = new();

    // Owner tokens: unique within this store, which is all a fence in one process needs (Guid.NewGuid asks the OS for
    // random bytes on every claim).
    private readonly ulong _ownerPrefix = (ulong)Random.Shared.NextInt64() | 1;
    private long _lastOwner;
    private readonly Dictionary<UInt128, Entry> _entries = [];
    private readonly Queue<(UInt128 Key, long ExpiresAtTicks)> _completed = new();
    private DateTimeOffset _lastFullWarning = DateTimeOffset.MinValue;
    private int _droppedSinceWarning;

    /// <summary>The most ids held at once.</summary>
    public int Capacity { get; init; } = DefaultCapacity;

    /// <summary>How many ids are held (processed or in progress).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var key = KeyOf(webhookId);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            var found = _entries.TryGetValue(key, out var existing);
            if (found && existing.ExpiresAtTicks > now.UtcTicks)
            {
                return ValueTask.FromResult(existing.Processed ? WebhookClaim.AlreadyProcessed(webhookId) : WebhookClaim.InProgress(webhookId));
            }

            MakeRoom(now);
            var completed = found && !existing.Processed ? existing.CompletedHandlers : [];
            // A first claim (nothing completed yet) shares the claim's empty set instead of copying one.
            var claim = WebhookClaim.Claimed(webhookId, NextOwner(), completed.IsEmpty ? null : completed.ToHashSet(StringComparer.Ordinal));
            claim.StoreKey = key;
            _entries[key] = new Entry(Processed: false, (now + lease).UtcTicks, claim.OwnerToken, completed);
            return ValueTask.FromResult(claim);
        }
    }

    public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var key = KeyOf(claim);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!Holds(key, claim, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            _entries[key] = entry with { ExpiresAtTicks = (now + lease).UtcTicks };
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrEmpty(handlerKey);
        return ValueTask.FromResult<IWebhookHandlerCompletion>(new HandlerCompletion(this, claim, handlerKey));
    }

    public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var key = KeyOf(claim);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!Holds(key, claim, out _))
            {
                return ValueTask.FromResult(false);
            }

            var expiresAt = (now + retention).UtcTicks;
            _entries[key] = new Entry(Processed: true, expiresAt, Guid.Empty, []);
            _completed.Enqueue((key, expiresAt));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var key = KeyOf(claim);
        lock (_lock)
        {
            if (!Holds(key, claim, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            // Keep what completed, so the next delivery runs only the handlers that did not.
            _entries[key] = entry with { ExpiresAtTicks = DateTimeOffset.MinValue.UtcTicks, Owner = Guid.Empty };
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>The key of a claim's id: kept in the claims this store made, digested again for others.</summary>
    private static UInt128 KeyOf(WebhookClaim claim) => claim.StoreKey != UInt128.Zero ? claim.StoreKey : KeyOf(claim.WebhookId);

    /// <summary>A new owner token: this store's random half and a counter (never <see cref="Guid.Empty"/>: the prefix is odd).</summary>
    private Guid NextOwner()
    {
        Span<ulong> halves = [_ownerPrefix, (ulong)Interlocked.Increment(ref _lastOwner)];
        return new Guid(MemoryMarshal.AsBytes(halves));
    }

    /// <summary>The first 128 bits of the SHA-256 of the id's UTF-8 bytes.</summary>
    private static UInt128 KeyOf(string webhookId)
    {
        var length = Encoding.UTF8.GetByteCount(webhookId);
        byte[]? rented = null;
        var utf8 = length <= StackIdLimit ? stackalloc byte[StackIdLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(webhookId, utf8);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..written], digest);
            return MemoryMarshal.Read<UInt128>(digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether <paramref name="claim"/> still owns its event (not processed, not taken over). Called under the lock.</summary>
    private bool Holds(UInt128 key, WebhookClaim claim, out Entry entry) =>
        _entries.TryGetValue(key, out entry) && !entry.Processed && entry.Owner == claim.OwnerToken && claim.OwnerToken != Guid.Empty;

    private void RecordHandler(WebhookClaim claim, string handlerKey)
    {
        var key = KeyOf(claim);
        lock (_lock)
        {
            if (!Holds(key, claim, out var entry))
            {
                throw new WebhookClaimLostException();
            }

            _entries[key] = entry with { CompletedHandlers = entry.CompletedHandlers.Add(handlerKey) };
        }
    }

    /// <summary>Drops expired processed ids, then, while full, the oldest processed ones. Called under the lock.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        while (_completed.TryPeek(out var oldest))
        {
            // The queue item is the id's current entry unless the id was claimed (and maybe completed) again since.
            var current = _entries.TryGetValue(oldest.Key, out var entry) && entry.Processed && entry.ExpiresAtTicks == oldest.ExpiresAtTicks;
            if (current && oldest.ExpiresAtTicks > now.UtcTicks && _entries.Count < Capacity)
            {
                break;
            }

            _completed.Dequeue();
            if (current)
            {
                _entries.Remove(oldest.Key);
                if (oldest.ExpiresAtTicks > now.UtcTicks)
                {
                    _droppedSinceWarning++;
                }
            }
        }

        if (_droppedSinceWarning > 0 && now - _lastFullWarning >= FullWarningInterval && logger is not null)
        {
            logger.InMemoryStoreFull(Capacity, _droppedSinceWarning);
            _lastFullWarning = now;
            _droppedSinceWarning = 0;
        }

        if (_entries.Count >= Capacity)
        {
            // Only claims in progress are left (or expired ones): drop the expired ones.
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAtTicks <= now.UtcTicks)
                {
                    _entries.Remove(key);
                }
            }
        }
    }

    /// <summary>One id's state, held inline in the dictionary. Processed entries hold no reference to a young object.</summary>
    private readonly record struct Entry(bool Processed, long ExpiresAtTicks, Guid Owner, ImmutableArray<string> CompletedHandlers);

    /// <summary>A handler's run in memory: nothing to roll back, the record is taken on commit.</summary>
    private sealed class HandlerCompletion(InMemoryWebhookIdempotencyStore store, WebhookClaim claim, string handlerKey) : IWebhookHandlerCompletion
    {
        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            store.RecordHandler(claim, handlerKey);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
