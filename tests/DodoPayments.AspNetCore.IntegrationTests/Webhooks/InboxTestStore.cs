using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// A test-only durable store in memory: the inbox and the idempotency records over the same entries, as the
/// EF Core store keeps them. Not shipped; it lets tests drive the inbox processor and lose claims on purpose.
/// Tests wait for a state with <see cref="WaitUntilAsync"/> (signalled on every change, no polling).
/// </summary>
internal sealed class InboxTestStore(TimeProvider clock) : IWebhookInboxStore, IWebhookIdempotencyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Record> _records = new(StringComparer.Ordinal);
    private readonly List<(Func<InboxTestStore, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _countCalls;

    /// <summary>How many times <see cref="AddAsync"/> was called, and how many events it stored.</summary>
    public int AddCalls { get; private set; }

    public int Added { get; private set; }

    /// <summary>How many times <see cref="CountAsync"/> was called (by any caller, on any thread).</summary>
    public int CountCalls => Volatile.Read(ref _countCalls);

    /// <summary>When set, <see cref="CountAsync"/> throws it, as a database that times out on a count.</summary>
    public Exception? CountFailure { get; set; }

    /// <summary>The entry of <paramref name="webhookId"/> as the inbox shows it; null when unknown.</summary>
    public DodoWebhookInboxEntry? Entry(string webhookId)
    {
        lock (_lock)
        {
            return _records.TryGetValue(webhookId, out var record) ? record.ToEntry() : null;
        }
    }

    /// <summary>Whether a claim on <paramref name="webhookId"/> is held right now.</summary>
    public bool IsClaimed(string webhookId)
    {
        lock (_lock)
        {
            return _records.TryGetValue(webhookId, out var record) && record.Owner != Guid.Empty && record.LeaseUntil > clock.GetUtcNow();
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds (checked now and after every change).</summary>
    public Task WaitUntilAsync(Func<InboxTestStore, bool> condition)
    {
        lock (_lock)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Gives the claim on <paramref name="webhookId"/> to another owner, as another instance taking over an expired lease would.</summary>
    public void StealClaim(string webhookId) => Change(() =>
    {
        var record = _records[webhookId];
        record.Owner = Guid.NewGuid();
        record.LeaseUntil = clock.GetUtcNow().AddHours(1);
    });

    public ValueTask<bool> AddAsync(WebhookInboxMessage message, CancellationToken cancellationToken) => Change(() =>
    {
        AddCalls++;
        if (_records.ContainsKey(message.WebhookId))
        {
            return false;
        }

        Added++;
        _records[message.WebhookId] = new Record(message.WebhookId, message.Type) { Message = message with { Body = message.Body.ToArray() }, ReceivedAt = message.ReceivedAt, NextAttemptAt = message.ReceivedAt };
        return true;
    });

    public ValueTask<WebhookInboxLease?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken) => Change(() =>
    {
        var now = clock.GetUtcNow();
        var due = _records.Values
            .Where(record => record.Message is not null && record.State == DodoWebhookInboxState.Pending && record.NextAttemptAt <= now && !record.Held(now))
            .OrderBy(record => record.NextAttemptAt)
            .FirstOrDefault();
        if (due is null)
        {
            return null;
        }

        due.Attempts++;
        var claim = due.Claim(now, lease);
        return new WebhookInboxLease(claim, due.Message!, due.Attempts);
    });

    public ValueTask<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken) => Change(() =>
    {
        var now = clock.GetUtcNow();
        return _records.Values
            .Where(record => record.Message is not null && record.State == DodoWebhookInboxState.Pending)
            .Select(record => (DateTimeOffset?)(record.Held(now) ? record.LeaseUntil : record.NextAttemptAt!.Value))
            .Min();
    });

    public ValueTask<bool> FailAsync(WebhookClaim claim, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) => Change(() =>
    {
        if (!Holds(claim, out var record))
        {
            return false;
        }

        record.LastError = error;
        record.Owner = Guid.Empty;
        record.State = retryAt is null ? DodoWebhookInboxState.Dead : DodoWebhookInboxState.Pending;
        record.NextAttemptAt = retryAt;
        return true;
    });

    public ValueTask<DodoWebhookInboxEntry?> FindAsync(string webhookId, CancellationToken cancellationToken) => ValueTask.FromResult(Entry(webhookId));

    public ValueTask<IReadOnlyList<DodoWebhookInboxEntry>> ListAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<DodoWebhookInboxEntry> entries = _records.Values
                .Where(record => record.Message is not null && record.State == state)
                .OrderByDescending(record => record.ReceivedAt)
                .Take(limit)
                .Select(record => record.ToEntry())
                .ToList();
            return ValueTask.FromResult(entries);
        }
    }

    public async ValueTask<int> CountAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _countCalls);
        if (CountFailure is { } failure)
        {
            throw failure;
        }

        return (await ListAsync(state, limit, cancellationToken)).Count;
    }

    public ValueTask<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken) => Change(() =>
    {
        if (!_records.TryGetValue(webhookId, out var record))
        {
            return false;
        }

        if (record.State == DodoWebhookInboxState.Processed)
        {
            record.Completed.Clear();
            record.ProcessedAt = null;
        }

        record.State = DodoWebhookInboxState.Pending;
        record.Attempts = 0;
        record.Owner = Guid.Empty;
        record.NextAttemptAt = clock.GetUtcNow();
        return true;
    });

    public ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken) => Change(() =>
    {
        var now = clock.GetUtcNow();
        if (!_records.TryGetValue(webhookId, out var record))
        {
            record = new Record(webhookId, string.Empty) { ReceivedAt = now };
            _records[webhookId] = record;
        }

        if (record.State == DodoWebhookInboxState.Processed)
        {
            return WebhookClaim.AlreadyProcessed(webhookId);
        }

        return record.Held(now) ? WebhookClaim.InProgress(webhookId) : record.Claim(now, lease);
    });

    public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken) => Change(() =>
    {
        if (!Holds(claim, out var record))
        {
            return false;
        }

        record.LeaseUntil = clock.GetUtcNow() + lease;
        return true;
    });

    public ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IWebhookHandlerCompletion>(new Completion(this, claim, handlerKey));

    public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken) => Change(() =>
    {
        if (!Holds(claim, out var record))
        {
            return false;
        }

        record.State = DodoWebhookInboxState.Processed;
        record.ProcessedAt = clock.GetUtcNow();
        record.NextAttemptAt = null;
        record.Owner = Guid.Empty;
        return true;
    });

    public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => Change(() =>
    {
        if (!Holds(claim, out var record))
        {
            return false;
        }

        record.Owner = Guid.Empty;
        return true;
    });

    private bool Holds(WebhookClaim claim, out Record record) =>
        _records.TryGetValue(claim.WebhookId, out record!) && record.State != DodoWebhookInboxState.Processed && record.Owner == claim.OwnerToken && claim.OwnerToken != Guid.Empty;

    private ValueTask<T> Change<T>(Func<T> change)
    {
        lock (_lock)
        {
            var result = change();
            Signal();
            return ValueTask.FromResult(result);
        }
    }

    private void Change(Action change)
    {
        lock (_lock)
        {
            change();
            Signal();
        }
    }

    private void Signal()
    {
        foreach (var waiter in _waiters.Where(waiter => waiter.Condition(this)).ToList())
        {
            waiter.Done.TrySetResult();
            _waiters.Remove(waiter);
        }
    }

    private sealed class Record(string webhookId, string type)
    {
        public string WebhookId { get; } = webhookId;

        public string Type { get; } = type;

        public WebhookInboxMessage? Message { get; init; }

        public DodoWebhookInboxState State { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset ReceivedAt { get; init; }

        public DateTimeOffset? ProcessedAt { get; set; }

        public DateTimeOffset? NextAttemptAt { get; set; }

        public Guid Owner { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }

        public HashSet<string> Completed { get; } = new(StringComparer.Ordinal);

        public bool Held(DateTimeOffset now) => Owner != Guid.Empty && LeaseUntil > now;

        public WebhookClaim Claim(DateTimeOffset now, TimeSpan lease)
        {
            Owner = Guid.NewGuid();
            LeaseUntil = now + lease;
            return WebhookClaim.Claimed(WebhookId, Owner, Completed.ToHashSet(StringComparer.Ordinal));
        }

        public DodoWebhookInboxEntry ToEntry() => new()
        {
            WebhookId = WebhookId,
            Type = Type,
            State = State,
            Attempts = Attempts,
            LastError = LastError,
            ReceivedAt = ReceivedAt,
            ProcessedAt = ProcessedAt,
            NextAttemptAt = State == DodoWebhookInboxState.Pending ? NextAttemptAt : null,
        };
    }

    private sealed class Completion(InboxTestStore store, WebhookClaim claim, string handlerKey) : IWebhookHandlerCompletion
    {
        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            store.Change(() =>
            {
                if (!store.Holds(claim, out var record))
                {
                    throw new WebhookClaimLostException();
                }

                record.Completed.Add(handlerKey);
            });
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Registers <see cref="InboxTestStore"/> as the inbox and idempotency store.</summary>
internal static class InboxTestStoreServiceCollectionExtensions
{
    public static IServiceCollection AddInboxTestStore(this IServiceCollection services) =>
        services.AddSingleton(provider => new InboxTestStore(provider.GetRequiredService<TimeProvider>())).AddInboxTestStoreServices();

    /// <summary>Registers <paramref name="store"/>, made (and filled) before the app, as a restarted app finds its database.</summary>
    public static IServiceCollection AddInboxTestStore(this IServiceCollection services, InboxTestStore store) =>
        services.AddSingleton(store).AddInboxTestStoreServices();

    private static IServiceCollection AddInboxTestStoreServices(this IServiceCollection services) => services
        .AddSingleton<IWebhookInboxStore>(provider => provider.GetRequiredService<InboxTestStore>())
        .AddSingleton<IWebhookIdempotencyStore>(provider => provider.GetRequiredService<InboxTestStore>());
}
