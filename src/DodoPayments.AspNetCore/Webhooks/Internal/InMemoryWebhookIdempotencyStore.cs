namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The default <see cref="IWebhookIdempotencyStore"/>: in the process memory, for an app running one instance.
/// Processed ids are kept for the retention asked (72 hours by default), and the store holds at most
/// <see cref="Capacity"/> ids: when full, expired ids go first, then the oldest processed ones (the size bound wins,
/// so memory stays bounded under a flood; a shared store is the answer for larger volumes).
/// </summary>
internal sealed class InMemoryWebhookIdempotencyStore(TimeProvider timeProvider) : IWebhookIdempotencyStore
{
    /// <summary>The default most ids held: about 20 MB at worst, several days of a busy shop's events.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, Entry Entry)> _completed = new();

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

    public ValueTask<WebhookClaimResult> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(webhookId, out var existing) && existing.ExpiresAt > now)
            {
                return ValueTask.FromResult(existing.Processed ? WebhookClaimResult.AlreadyProcessed : WebhookClaimResult.InProgress);
            }

            MakeRoom(now);
            _entries[webhookId] = new Entry(Processed: false, ExpiresAt: now + lease);
            return ValueTask.FromResult(WebhookClaimResult.Claimed);
        }
    }

    public ValueTask CompleteAsync(string webhookId, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var entry = new Entry(Processed: true, ExpiresAt: timeProvider.GetUtcNow() + retention);
        lock (_lock)
        {
            _entries[webhookId] = entry;
            _completed.Enqueue((webhookId, entry));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        lock (_lock)
        {
            if (_entries.TryGetValue(webhookId, out var existing) && !existing.Processed)
            {
                _entries.Remove(webhookId);
            }
        }

        return ValueTask.CompletedTask;
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
            }
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

    private sealed record Entry(bool Processed, DateTimeOffset ExpiresAt);
}
