using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The default <see cref="IWebhookIdempotencyStore"/>: in the process memory, for an app running one instance.
/// Processed ids are kept for the retention asked (72 hours by default), and the store holds at most
/// <see cref="Capacity"/> ids: when full, expired ids go first, then the oldest processed ones (the size bound wins,
/// so memory stays bounded under a flood; a shared store is the answer for larger volumes). Forgetting ids still within
/// their retention logs a Warning, at most once per <see cref="FullWarningInterval"/>.
/// </summary>
internal sealed class InMemoryWebhookIdempotencyStore(TimeProvider timeProvider, ILogger<InMemoryWebhookIdempotencyStore>? logger = null) : IWebhookIdempotencyStore
{
    /// <summary>The default most ids held: about 20 MB at worst, several days of a busy shop's events.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>The least time between two warnings that the store forgot ids still within their retention.</summary>
    public static readonly TimeSpan FullWarningInterval = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, Entry Entry)> _completed = new();
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
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            _entries.TryGetValue(webhookId, out var existing);
            if (existing is not null && existing.ExpiresAt > now)
            {
                return ValueTask.FromResult(existing.Processed ? WebhookClaim.AlreadyProcessed(webhookId) : WebhookClaim.InProgress(webhookId));
            }

            MakeRoom(now);
            var completed = existing is { Processed: false } ? existing.CompletedHandlers : [];
            // A first claim (nothing completed yet) shares the claim's empty set instead of copying one.
            var claim = WebhookClaim.Claimed(webhookId, Guid.NewGuid(), completed.IsEmpty ? null : completed.ToHashSet(StringComparer.Ordinal));
            // An unprocessed entry (lease expired, or released) is taken over in place; a processed one is never changed.
            var entry = existing is { Processed: false } ? existing : new Entry(processed: false);
            entry.ExpiresAt = now + lease;
            entry.Owner = claim.OwnerToken;
            entry.CompletedHandlers = completed;
            _entries[webhookId] = entry;

            return ValueTask.FromResult(claim);
        }
    }

    public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!Holds(claim, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            entry.ExpiresAt = now + lease;
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
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!Holds(claim, out _))
            {
                return ValueTask.FromResult(false);
            }

            // A new entry, not the claim's one changed in place: the queue of processed ids tells its entries by reference.
            var entry = new Entry(processed: true) { ExpiresAt = now + retention };
            _entries[claim.WebhookId] = entry;
            _completed.Enqueue((claim.WebhookId, entry));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_lock)
        {
            if (!Holds(claim, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            // Keep what completed, so the next delivery runs only the handlers that did not.
            entry.ExpiresAt = DateTimeOffset.MinValue;
            entry.Owner = Guid.Empty;
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>Whether <paramref name="claim"/> still owns its event (not processed, not taken over). Called under the lock.</summary>
    private bool Holds(WebhookClaim claim, [NotNullWhen(true)] out Entry? entry) =>
        _entries.TryGetValue(claim.WebhookId, out entry) && !entry.Processed && entry.Owner == claim.OwnerToken && claim.OwnerToken != Guid.Empty;

    private void RecordHandler(WebhookClaim claim, string handlerKey)
    {
        lock (_lock)
        {
            if (!Holds(claim, out var entry))
            {
                throw new WebhookClaimLostException();
            }

            entry.CompletedHandlers = entry.CompletedHandlers.Add(handlerKey);
        }
    }

    /// <summary>Drops expired processed ids, then, while full, the oldest processed ones. Called under the lock.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        while (_completed.TryPeek(out var oldest))
        {
            var current = _entries.TryGetValue(oldest.Id, out var entry) && ReferenceEquals(entry, oldest.Entry);
            if (current && oldest.Entry.ExpiresAt > now && _entries.Count < Capacity)
            {
                break;
            }

            _completed.Dequeue();
            if (current)
            {
                _entries.Remove(oldest.Id);
                if (oldest.Entry.ExpiresAt > now)
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
            foreach (var (id, entry) in _entries.Where(pair => pair.Value.ExpiresAt <= now).ToList())
            {
                _entries.Remove(id);
            }
        }
    }

    /// <summary>
    /// One id's state, changed in place under the lock (no copy per transition: fewer young objects referenced from the
    /// long-lived dictionary, so fewer and shorter collections under load). Processed entries are never changed: the
    /// queue of processed ids tells its entries by reference.
    /// </summary>
    private sealed class Entry(bool processed)
    {
        public bool Processed { get; } = processed;

        public DateTimeOffset ExpiresAt { get; set; }

        public Guid Owner { get; set; }

        public ImmutableArray<string> CompletedHandlers { get; set; } = [];
    }

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
