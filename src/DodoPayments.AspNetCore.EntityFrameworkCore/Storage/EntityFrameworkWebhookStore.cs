using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>
/// The durable <see cref="IWebhookIdempotencyStore"/> and <see cref="IWebhookInboxStore"/> over the app's own
/// <typeparamref name="TContext"/>. Every state change is one conditional statement (<c>UPDATE … WHERE owner_token =
/// @token</c>, <c>WHERE lease_expires_at &lt;= @now</c>, or an insert guarded by the primary key), so the database
/// decides which of several racing instances wins: a read only chooses which conditional statement to try, and the
/// statement checks its condition again, atomically.
/// The store's own statements run in a short-lived scope of their own; a handler's completion runs in the handler's
/// scope, inside the transaction its changes share.
/// </summary>
internal sealed class EntityFrameworkWebhookStore<TContext>(IServiceScopeFactory scopes, TimeProvider clock)
    : IWebhookIdempotencyStore, IWebhookInboxStore
    where TContext : DbContext
{
    /// <summary>How many times a claim is retried when the row changed between reading and claiming it.</summary>
    private const int ClaimRounds = 5;

    /// <summary>How many due inbox events one <see cref="ClaimNextAsync"/> round tries to claim, first due first.</summary>
    private const int ClaimCandidates = 8;

    private volatile bool _checked;

    public async ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken)
    {
        CheckWebhookId(webhookId);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var events = db.Set<DodoWebhookEventRecord>();
        for (var round = 0; round < ClaimRounds; round++)
        {
            var now = clock.GetUtcNow();
            var token = Guid.NewGuid();
            var row = await events.AsNoTracking()
                .Where(e => e.WebhookId == webhookId)
                .Select(e => new { e.State, e.OwnerToken, e.LeaseExpiresAt, e.RetainUntil })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                var record = new DodoWebhookEventRecord
                {
                    WebhookId = webhookId,
                    ReceivedAt = now,
                    State = DodoWebhookInboxState.Pending,
                    OwnerToken = token,
                    LeaseExpiresAt = now + lease,
                };
                if (await TryInsertAsync(db, record, cancellationToken).ConfigureAwait(false))
                {
                    return WebhookClaim.Claimed(webhookId, token);
                }

                continue;
            }

            switch (row.State)
            {
                case DodoWebhookInboxState.Processed when row.RetainUntil > now:
                case DodoWebhookInboxState.Dead:
                    // A dead inbox event is settled until someone replays it: acknowledge redeliveries.
                    return WebhookClaim.AlreadyProcessed(webhookId);
                case DodoWebhookInboxState.Pending when row.OwnerToken is not null && row.LeaseExpiresAt > now:
                    return WebhookClaim.InProgress(webhookId);
            }

            // Released, lease expired, or processed longer ago than its retention: take it, unless another instance
            // just did (the condition is checked again by the database, atomically).
            var taken = await events
                .Where(e => e.WebhookId == webhookId
                    && ((e.State == DodoWebhookInboxState.Pending && (e.OwnerToken == null || e.LeaseExpiresAt <= now))
                        || (e.State == DodoWebhookInboxState.Processed && e.RetainUntil <= now)))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(e => e.State, DodoWebhookInboxState.Pending)
                        .SetProperty(e => e.OwnerToken, token)
                        .SetProperty(e => e.LeaseExpiresAt, now + lease)
                        .SetProperty(e => e.ProcessedAt, (DateTimeOffset?)null)
                        .SetProperty(e => e.RetainUntil, (DateTimeOffset?)null),
                    cancellationToken).ConfigureAwait(false);
            if (taken == 1)
            {
                return WebhookClaim.Claimed(webhookId, token, await CompletedHandlersAsync(db, webhookId, cancellationToken).ConfigureAwait(false));
            }
        }

        return WebhookClaim.InProgress(webhookId);
    }

    public async ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var expires = clock.GetUtcNow() + lease;
        var renewed = await WebhookRecordQueries.Held(db, claim)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.LeaseExpiresAt, expires), cancellationToken).ConfigureAwait(false);
        return renewed == 1;
    }

    public async ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrEmpty(handlerKey);
        ArgumentNullException.ThrowIfNull(handlerServices);
        if (handlerKey.Length > DodoWebhookHandlerRecord.MaxHandlerKeyLength)
        {
            throw new ArgumentException($"A handler key is at most {DodoWebhookHandlerRecord.MaxHandlerKeyLength} characters.", nameof(handlerKey));
        }

        var db = Resolve(handlerServices);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                $"The {typeof(TContext).Name} of the webhook handler's scope already has a transaction open. The webhook store opens the transaction " +
                "a handler runs in, so that the handler's changes and its completion record commit together: do not begin another one in the handler.");
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new EntityFrameworkHandlerCompletion(db, transaction, claim, handlerKey, clock);
    }

    public async ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var now = clock.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var completed = await WebhookRecordQueries.Held(db, claim)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(e => e.State, DodoWebhookInboxState.Processed)
                        .SetProperty(e => e.OwnerToken, (Guid?)null)
                        .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(e => e.NextAttemptAt, (DateTimeOffset?)null)
                        .SetProperty(e => e.ProcessedAt, now)
                        .SetProperty(e => e.RetainUntil, now + retention),
                    cancellationToken).ConfigureAwait(false);
            if (completed != 1)
            {
                return false;
            }

            // Processed events keep no handler records: a later claim (after the retention, or a replay) runs every handler.
            await db.Set<DodoWebhookHandlerRecord>()
                .Where(h => h.WebhookId == claim.WebhookId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    public async ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var released = await WebhookRecordQueries.Held(db, claim)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(e => e.OwnerToken, (Guid?)null)
                    .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false);
        return released == 1;
    }

    public async ValueTask<bool> AddAsync(WebhookInboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckWebhookId(message.WebhookId);
        ArgumentException.ThrowIfNullOrEmpty(message.Type, nameof(message));
        if (message.Type.Length > DodoWebhookEventRecord.MaxTypeLength)
        {
            throw new ArgumentException($"A webhook type is at most {DodoWebhookEventRecord.MaxTypeLength} characters.", nameof(message));
        }

        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var events = db.Set<DodoWebhookEventRecord>();
        var now = clock.GetUtcNow();
        var id = message.WebhookId;
        var body = message.Body.ToArray();
        if (!await events.AnyAsync(e => e.WebhookId == id, cancellationToken).ConfigureAwait(false))
        {
            var record = new DodoWebhookEventRecord
            {
                WebhookId = id,
                Type = message.Type,
                Body = body,
                Timestamp = message.Timestamp,
                ReceivedAt = message.ReceivedAt,
                State = DodoWebhookInboxState.Pending,
                NextAttemptAt = now,
            };
            return await TryInsertAsync(db, record, cancellationToken).ConfigureAwait(false);
        }

        // The id is known. It is not in the inbox when it was processed longer ago than its retention (forgotten, as
        // for a claim), or when an inline delivery claimed it and gave it up (it failed): take such a row over.
        var adopted = await events
            .Where(e => e.WebhookId == id
                && ((e.State == DodoWebhookInboxState.Processed && e.RetainUntil <= now)
                    || (e.State == DodoWebhookInboxState.Pending && e.Body == null && (e.OwnerToken == null || e.LeaseExpiresAt <= now))))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(e => e.Type, message.Type)
                    .SetProperty(e => e.Body, body)
                    .SetProperty(e => e.Timestamp, message.Timestamp)
                    .SetProperty(e => e.ReceivedAt, message.ReceivedAt)
                    .SetProperty(e => e.State, DodoWebhookInboxState.Pending)
                    .SetProperty(e => e.OwnerToken, (Guid?)null)
                    .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(e => e.Attempts, 0)
                    .SetProperty(e => e.NextAttemptAt, now)
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.ProcessedAt, (DateTimeOffset?)null)
                    .SetProperty(e => e.RetainUntil, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false);
        return adopted == 1;
    }

    public async ValueTask<WebhookInboxLease?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var events = db.Set<DodoWebhookEventRecord>();
        for (var round = 0; round < ClaimRounds; round++)
        {
            var now = clock.GetUtcNow();
            var candidates = await WebhookRecordQueries.Due(events.AsNoTracking(), now)
                .OrderBy(e => e.NextAttemptAt)
                .ThenBy(e => e.WebhookId)
                .Select(e => e.WebhookId)
                .Take(ClaimCandidates)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (candidates.Count == 0)
            {
                return null;
            }

            foreach (var id in candidates)
            {
                // Another instance may have claimed it since it was read: the same condition, checked by the database.
                var token = Guid.NewGuid();
                var taken = await WebhookRecordQueries.Due(events.Where(e => e.WebhookId == id), now)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(e => e.OwnerToken, token)
                            .SetProperty(e => e.LeaseExpiresAt, now + lease)
                            .SetProperty(e => e.Attempts, e => e.Attempts + 1),
                        cancellationToken).ConfigureAwait(false);
                if (taken != 1)
                {
                    continue;
                }

                // The event and the handlers that completed in earlier attempts, in one round trip.
                var record = await events.AsNoTracking()
                    .Where(e => e.WebhookId == id)
                    .Select(e => new
                    {
                        e.Type,
                        e.Body,
                        e.Timestamp,
                        e.ReceivedAt,
                        e.Attempts,
                        Handlers = db.Set<DodoWebhookHandlerRecord>().Where(h => h.WebhookId == e.WebhookId).Select(h => h.HandlerKey).ToList(),
                    })
                    .FirstAsync(cancellationToken).ConfigureAwait(false);
                var message = new WebhookInboxMessage(id, record.Type ?? "", record.Body, record.Timestamp ?? record.ReceivedAt, record.ReceivedAt);
                var claim = WebhookClaim.Claimed(id, token, record.Handlers.ToHashSet(StringComparer.Ordinal));
                return new WebhookInboxLease(claim, message, record.Attempts);
            }
        }

        // Every candidate went to other instances: the caller asks again.
        return null;
    }

    public async ValueTask<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        return await db.Set<DodoWebhookEventRecord>().AsNoTracking()
            .Where(e => e.State == DodoWebhookInboxState.Pending && e.NextAttemptAt != null)
            .Select(e => e.OwnerToken != null && e.LeaseExpiresAt > e.NextAttemptAt ? e.LeaseExpiresAt : e.NextAttemptAt)
            .OrderBy(due => due)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> FailAsync(WebhookClaim claim, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var lastError = error.Length > DodoWebhookEventRecord.MaxLastErrorLength ? error[..DodoWebhookEventRecord.MaxLastErrorLength] : error;
        var failed = await WebhookRecordQueries.Held(db, claim)
            .ExecuteUpdateAsync(
                set =>
                {
                    set.SetProperty(e => e.OwnerToken, (Guid?)null)
                        .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(e => e.LastError, lastError)
                        .SetProperty(e => e.NextAttemptAt, retryAt);
                    if (retryAt is null)
                    {
                        set.SetProperty(e => e.State, DodoWebhookInboxState.Dead);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        return failed == 1;
    }

    public async ValueTask<DodoWebhookInboxEntry?> FindAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        return await WebhookRecordQueries.Entries(db.Set<DodoWebhookEventRecord>().AsNoTracking().Where(e => e.WebhookId == webhookId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<DodoWebhookInboxEntry>> ListAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        return await WebhookRecordQueries.Entries(db.Set<DodoWebhookEventRecord>().AsNoTracking()
                .Where(e => e.State == state)
                .OrderByDescending(e => e.ReceivedAt)
                .ThenByDescending(e => e.WebhookId))
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var now = clock.GetUtcNow();

        // A processed event has no handler records left (CompleteAsync removed them), so it runs every handler; a
        // dead one keeps those of the handlers that completed. A live claim on the event is fenced off.
        var replayed = await db.Set<DodoWebhookEventRecord>()
            .Where(e => e.WebhookId == webhookId && e.Body != null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(e => e.State, DodoWebhookInboxState.Pending)
                    .SetProperty(e => e.OwnerToken, (Guid?)null)
                    .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(e => e.Attempts, 0)
                    .SetProperty(e => e.NextAttemptAt, now)
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.ProcessedAt, (DateTimeOffset?)null)
                    .SetProperty(e => e.RetainUntil, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false);
        return replayed == 1;
    }

    /// <summary>Deletes processed events whose retention has passed, <paramref name="batchSize"/> rows per statement.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PurgeAsync(int batchSize, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = Resolve(scope.ServiceProvider);
        var total = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var deleted = await db.Set<DodoWebhookEventRecord>()
                .Where(e => e.State == DodoWebhookInboxState.Processed && e.RetainUntil <= now)
                .OrderBy(e => e.RetainUntil)
                .Take(batchSize)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// Checks, once, that <typeparamref name="TContext"/> can hold the store: its model has the webhook entities, and
    /// it does not retry failed commands (EF Core refuses a retrying execution strategy inside the transaction a
    /// handler and its completion record share).
    /// </summary>
    public void EnsureUsable()
    {
        using var scope = scopes.CreateScope();
        Resolve(scope.ServiceProvider);
    }

    private TContext Resolve(IServiceProvider services)
    {
        var db = services.GetRequiredService<TContext>();
        if (_checked)
        {
            return db;
        }

        var name = typeof(TContext).Name;
        if (db.Model.FindEntityType(typeof(DodoWebhookEventRecord)) is null || db.Model.FindEntityType(typeof(DodoWebhookHandlerRecord)) is null)
        {
            throw new InvalidOperationException(
                $"The DbContext {name} has no webhook store entities: call modelBuilder.AddDodoWebhookStore() in its OnModelCreating, " +
                "then add a migration (dotnet ef migrations add AddDodoWebhookStore) and apply it.");
        }

        if (db.Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            throw new InvalidOperationException(
                $"The DbContext {name} retries failed commands (EnableRetryOnFailure or another retrying execution strategy). EF Core refuses " +
                "that inside the transaction a webhook handler's changes and its completion record share. Leave retries off for this context: " +
                "a failed webhook is retried by Dodo, or by the webhook inbox.");
        }

        _checked = true;
        return db;
    }

    private static void CheckWebhookId(string webhookId)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (webhookId.Length > DodoWebhookEventRecord.MaxWebhookIdLength)
        {
            throw new ArgumentException($"A webhook-id is at most {DodoWebhookEventRecord.MaxWebhookIdLength} characters.", nameof(webhookId));
        }
    }

    private static async Task<IReadOnlySet<string>> CompletedHandlersAsync(DbContext db, string webhookId, CancellationToken cancellationToken)
    {
        var keys = await db.Set<DodoWebhookHandlerRecord>().AsNoTracking()
            .Where(h => h.WebhookId == webhookId)
            .Select(h => h.HandlerKey)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Inserts a new event row; false when a row with its id exists (another instance inserted it first: the primary
    /// key let only one through).
    /// </summary>
    private static async Task<bool> TryInsertAsync(DbContext db, DodoWebhookEventRecord record, CancellationToken cancellationToken)
    {
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var id = record.WebhookId;
            if (await db.Set<DodoWebhookEventRecord>().AnyAsync(e => e.WebhookId == id, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
