using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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
/// <remarks>
/// The hot path is one statement per step (<see cref="WebhookSql"/>): a new id is claimed or stored by an insert that
/// does nothing when the id is known (only then is the row read, to decide what the known id means), a handler's
/// completion is one statement in its transaction, and completion is one <c>UPDATE</c>. Handler records are kept when
/// the event completes (so completing needs no transaction) and removed, in the transaction that takes the row over,
/// when a processed event runs again: taken over after its retention, adopted by the inbox, or replayed. The purge
/// removes them with their event (the foreign key cascades).
/// </remarks>
internal sealed class EntityFrameworkWebhookStore<TContext>(IServiceScopeFactory scopes, TimeProvider clock)
    : IWebhookIdempotencyStore, IWebhookInboxStore
    where TContext : DbContext
{
    /// <summary>How many times a claim is retried when the row changed between reading and claiming it.</summary>
    private const int ClaimRounds = 5;

    /// <summary>How many due inbox events one <see cref="ClaimNextAsync"/> round tries to claim, first due first.</summary>
    private const int ClaimCandidates = 8;

    private volatile WebhookSql? _sql;

    public async ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken)
    {
        CheckWebhookId(webhookId);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, sql) = Resolve(scope.ServiceProvider);
        var events = db.Set<DodoWebhookEventRecord>();
        for (var round = 0; round < ClaimRounds; round++)
        {
            var now = clock.GetUtcNow();
            var token = Guid.NewGuid();

            // A new id (the usual case): one insert, which inserts nothing when the id is known.
            if (sql.InsertClaim is { } insertClaim
                && await db.Database.ExecuteSqlRawAsync(
                    insertClaim, [webhookId, sql.Time(now), sql.State(DodoWebhookInboxState.Pending), token, sql.Time(now + lease)], cancellationToken).ConfigureAwait(false) == 1)
            {
                return WebhookClaim.Claimed(webhookId, token);
            }

            var row = await events.AsNoTracking()
                .Where(e => e.WebhookId == webhookId)
                .Select(e => new { e.State, e.OwnerToken, e.LeaseExpiresAt, e.RetainUntil })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                // Purged since the insert was tried (ask again), or a provider without ON CONFLICT: insert it here.
                if (sql.InsertClaim is null && await TryInsertAsync(db, NewClaimRecord(webhookId, now, token, lease), cancellationToken).ConfigureAwait(false))
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
                case DodoWebhookInboxState.Processed:
                    // Processed longer ago than its retention: forgotten, so it runs every handler again.
                    if (await UpdateForgettingHandlersAsync(
                            db,
                            webhookId,
                            rows => rows.Where(e => e.State == DodoWebhookInboxState.Processed && e.RetainUntil <= now)
                                .ExecuteUpdateAsync(set => Claim(set, token, now + lease), cancellationToken),
                            cancellationToken).ConfigureAwait(false))
                    {
                        return WebhookClaim.Claimed(webhookId, token);
                    }

                    continue;
            }

            // Released, or its lease expired: take it, unless another instance just did (the condition is checked again
            // by the database, atomically), and skip the handlers that completed.
            var taken = await events
                .Where(e => e.WebhookId == webhookId && e.State == DodoWebhookInboxState.Pending && (e.OwnerToken == null || e.LeaseExpiresAt <= now))
                .ExecuteUpdateAsync(set => Claim(set, token, now + lease), cancellationToken).ConfigureAwait(false);
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
        var (db, _) = Resolve(scope.ServiceProvider);
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

        var (db, sql) = Resolve(handlerServices);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                $"The {typeof(TContext).Name} of the webhook handler's scope already has a transaction open. The webhook store opens the transaction " +
                "a handler runs in, so that the handler's changes and its completion record commit together: do not begin another one in the handler.");
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new EntityFrameworkHandlerCompletion(db, sql, transaction, claim, handlerKey, clock);
    }

    public async ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, sql) = Resolve(scope.ServiceProvider);
        var now = clock.GetUtcNow();

        // One statement: the handler records stay (a later run of the event removes them first; the purge deletes them
        // with the event), so nothing else has to change with it.
        var completed = await db.Database.ExecuteSqlRawAsync(
            sql.Complete,
            [sql.State(DodoWebhookInboxState.Processed), sql.Time(now), sql.Time(now + retention), claim.WebhookId, claim.OwnerToken, sql.State(DodoWebhookInboxState.Pending)],
            cancellationToken).ConfigureAwait(false);
        return completed == 1;
    }

    public async ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
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
        var (db, sql) = Resolve(scope.ServiceProvider);
        var events = db.Set<DodoWebhookEventRecord>();
        var id = message.WebhookId;
        var body = message.Body.ToArray();
        for (var round = 0; round < ClaimRounds; round++)
        {
            var now = clock.GetUtcNow();

            // A new id (the usual case): one insert, which inserts nothing when the id is known.
            if (sql.InsertInbox is { } insertInbox
                && await db.Database.ExecuteSqlRawAsync(
                    insertInbox,
                    [id, message.Type, body, sql.Time(message.Timestamp), sql.Time(message.ReceivedAt), sql.State(DodoWebhookInboxState.Pending), sql.Time(now)],
                    cancellationToken).ConfigureAwait(false) == 1)
            {
                return true;
            }

            var row = await events.AsNoTracking()
                .Where(e => e.WebhookId == id)
                .Select(e => new { e.State, HasBody = e.Body != null, e.OwnerToken, e.LeaseExpiresAt, e.RetainUntil })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                // Purged since the insert was tried (ask again), or a provider without ON CONFLICT: insert it here.
                if (sql.InsertInbox is null)
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
                    if (await TryInsertAsync(db, record, cancellationToken).ConfigureAwait(false))
                    {
                        return true;
                    }
                }

                continue;
            }

            // The id is known. It is not in the inbox when it was processed longer ago than its retention (forgotten, as
            // for a claim: every handler runs again), or when an inline delivery claimed it and gave it up (it failed:
            // the handlers that completed are kept). Such a row is taken over; any other is in the inbox already, or
            // being handled inline, or was processed within its retention.
            if (row.State == DodoWebhookInboxState.Processed && row.RetainUntil <= now)
            {
                if (await UpdateForgettingHandlersAsync(
                        db,
                        id,
                        rows => rows.Where(e => e.State == DodoWebhookInboxState.Processed && e.RetainUntil <= now)
                            .ExecuteUpdateAsync(set => Adopt(set, message, body, now), cancellationToken),
                        cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                continue;
            }

            if (row.State == DodoWebhookInboxState.Pending && !row.HasBody && (row.OwnerToken is null || row.LeaseExpiresAt <= now))
            {
                var adopted = await events
                    .Where(e => e.WebhookId == id && e.State == DodoWebhookInboxState.Pending && e.Body == null && (e.OwnerToken == null || e.LeaseExpiresAt <= now))
                    .ExecuteUpdateAsync(set => Adopt(set, message, body, now), cancellationToken).ConfigureAwait(false);
                if (adopted == 1)
                {
                    return true;
                }

                continue;
            }

            return false;
        }

        // The row kept changing under this call (other instances racing on the id): one of them has it.
        return false;
    }

    public async ValueTask<WebhookInboxLease?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, sql) = Resolve(scope.ServiceProvider);
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow();
        if (sql.ClaimNext is { } claimNext)
        {
            // One statement picks the event due first, claims it and returns it with the handlers that completed (the
            // database checks the condition again on the row it locks, so an event another instance claimed meanwhile is
            // not claimed twice). Nothing comes back when nothing is due, or (PostgreSQL) when every due event is being
            // claimed by another instance right now.
            var rows = await db.Database
                .SqlQueryRaw<ClaimedInboxRow>(claimNext, token, sql.Time(now + lease), sql.State(DodoWebhookInboxState.Pending), sql.Time(now))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return null;
            }

            var row = rows[0];
            var completed = row.Handlers is null ? null : row.Handlers.Split(WebhookSql.HandlerKeySeparator).ToHashSet(StringComparer.Ordinal);
            var receivedAt = sql.Time(row.ReceivedAt);
            return new WebhookInboxLease(
                WebhookClaim.Claimed(row.WebhookId, token, completed),
                new WebhookInboxMessage(row.WebhookId, row.Type ?? "", row.Body, row.Timestamp is { } timestamp ? sql.Time(timestamp) : receivedAt, receivedAt),
                row.Attempts);
        }

        var claimed = await ClaimNextPortablyAsync(db.Set<DodoWebhookEventRecord>(), token, lease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return null;
        }

        var id = claimed.WebhookId;
        var claim = WebhookClaim.Claimed(id, token, await CompletedHandlersAsync(db, id, cancellationToken).ConfigureAwait(false));
        var message = new WebhookInboxMessage(id, claimed.Type ?? "", claimed.Body, claimed.Timestamp ?? claimed.ReceivedAt, claimed.ReceivedAt);
        return new WebhookInboxLease(claim, message, claimed.Attempts);
    }

    public async ValueTask<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
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
        var (db, _) = Resolve(scope.ServiceProvider);
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
        var (db, _) = Resolve(scope.ServiceProvider);
        return await WebhookRecordQueries.Entries(db.Set<DodoWebhookEventRecord>().AsNoTracking().Where(e => e.WebhookId == webhookId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<DodoWebhookInboxEntry>> ListAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
        return await WebhookRecordQueries.Entries(db.Set<DodoWebhookEventRecord>().AsNoTracking()
                .Where(e => e.State == state)
                .OrderByDescending(e => e.ReceivedAt)
                .ThenByDescending(e => e.WebhookId))
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A bounded count: <c>SELECT COUNT(*) FROM (SELECT … WHERE state = @state AND body IS NOT NULL LIMIT @limit)</c>.</summary>
    public async ValueTask<int> CountAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
        return await WebhookRecordQueries.InInbox(db.Set<DodoWebhookEventRecord>().AsNoTracking())
            .Where(e => e.State == state)
            .Take(limit)
            .CountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One small query on the events table (<c>SELECT EXISTS (SELECT 1 FROM dodo_webhook_events)</c>): it fails when
    /// the database cannot be reached, and also when the store's tables are missing (the migration was not applied).
    /// </summary>
    public async ValueTask PingAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
        _ = await db.Set<DodoWebhookEventRecord>().AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
        var now = clock.GetUtcNow();

        // A processed event runs every handler again: its handler records go in the same transaction. A dead one keeps
        // those of the handlers that completed. A live claim on the event is fenced off.
        return await UpdateForgettingHandlersAsync(
                db,
                webhookId,
                rows => rows.Where(e => e.Body != null && e.State == DodoWebhookInboxState.Processed)
                    .ExecuteUpdateAsync(set => Replay(set, now), cancellationToken),
                cancellationToken).ConfigureAwait(false)
            || await db.Set<DodoWebhookEventRecord>()
                .Where(e => e.WebhookId == webhookId && e.Body != null && e.State != DodoWebhookInboxState.Processed)
                .ExecuteUpdateAsync(set => Replay(set, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes processed events whose retention has passed, <paramref name="batchSize"/> rows per statement.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PurgeAsync(int batchSize, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var (db, _) = Resolve(scope.ServiceProvider);
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
        _ = Resolve(scope.ServiceProvider);
    }

    /// <summary>The app's context from <paramref name="services"/>, and the statements of its model (built on first use).</summary>
    private (TContext Db, WebhookSql Sql) Resolve(IServiceProvider services)
    {
        var db = services.GetRequiredService<TContext>();
        if (_sql is { } sql)
        {
            return (db, sql);
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

        sql = new WebhookSql(db);
        _sql = sql;
        return (db, sql);
    }

    /// <summary>The columns a claim sets: the owner token and the lease, on a pending row with no completion time.</summary>
    private static UpdateSettersBuilder<DodoWebhookEventRecord> Claim(UpdateSettersBuilder<DodoWebhookEventRecord> set, Guid token, DateTimeOffset leaseExpiresAt) =>
        set.SetProperty(e => e.State, DodoWebhookInboxState.Pending)
            .SetProperty(e => e.OwnerToken, token)
            .SetProperty(e => e.LeaseExpiresAt, leaseExpiresAt)
            .SetProperty(e => e.ProcessedAt, (DateTimeOffset?)null)
            .SetProperty(e => e.RetainUntil, (DateTimeOffset?)null);

    /// <summary>The columns the inbox sets when it takes over a known id: the event as received, pending, due now.</summary>
    private static void Adopt(UpdateSettersBuilder<DodoWebhookEventRecord> set, WebhookInboxMessage message, byte[] body, DateTimeOffset now) =>
        Replay(set.SetProperty(e => e.Type, message.Type)
            .SetProperty(e => e.Body, body)
            .SetProperty(e => e.Timestamp, message.Timestamp)
            .SetProperty(e => e.ReceivedAt, message.ReceivedAt), now);

    /// <summary>The columns that put an inbox event back to pending, due now, with no claim, attempt or error.</summary>
    private static UpdateSettersBuilder<DodoWebhookEventRecord> Replay(UpdateSettersBuilder<DodoWebhookEventRecord> set, DateTimeOffset now) =>
        set.SetProperty(e => e.State, DodoWebhookInboxState.Pending)
            .SetProperty(e => e.OwnerToken, (Guid?)null)
            .SetProperty(e => e.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(e => e.Attempts, 0)
            .SetProperty(e => e.NextAttemptAt, now)
            .SetProperty(e => e.LastError, (string?)null)
            .SetProperty(e => e.ProcessedAt, (DateTimeOffset?)null)
            .SetProperty(e => e.RetainUntil, (DateTimeOffset?)null);

    /// <summary>
    /// Runs <paramref name="update"/> (a conditional update of the event's row) and, when it changed the row, removes the
    /// event's handler records in the same transaction: a processed event that runs again runs every handler, and no
    /// other instance sees the row changed with the old records still there.
    /// </summary>
    private static async Task<bool> UpdateForgettingHandlersAsync(
        DbContext db,
        string webhookId,
        Func<IQueryable<DodoWebhookEventRecord>, Task<int>> update,
        CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (await update(db.Set<DodoWebhookEventRecord>().Where(e => e.WebhookId == webhookId)).ConfigureAwait(false) != 1)
            {
                return false;
            }

            await db.Set<DodoWebhookHandlerRecord>().Where(h => h.WebhookId == webhookId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// <see cref="ClaimNextAsync"/> on a provider without <c>RETURNING</c>: reads a few due events, claims the first it
    /// can with a conditional update, then reads it; null when none is due or every candidate went to other instances.
    /// </summary>
    private async Task<DodoWebhookEventRecord?> ClaimNextPortablyAsync(
        DbSet<DodoWebhookEventRecord> events, Guid token, TimeSpan lease, CancellationToken cancellationToken)
    {
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
                var taken = await WebhookRecordQueries.Due(events.Where(e => e.WebhookId == id), now)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(e => e.OwnerToken, token)
                            .SetProperty(e => e.LeaseExpiresAt, now + lease)
                            .SetProperty(e => e.Attempts, e => e.Attempts + 1),
                        cancellationToken).ConfigureAwait(false);
                if (taken == 1)
                {
                    return await events.AsNoTracking().FirstAsync(e => e.WebhookId == id, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return null;
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

    /// <summary>A new row claimed by an inline delivery.</summary>
    private static DodoWebhookEventRecord NewClaimRecord(string webhookId, DateTimeOffset now, Guid token, TimeSpan lease) => new()
    {
        WebhookId = webhookId,
        ReceivedAt = now,
        State = DodoWebhookInboxState.Pending,
        OwnerToken = token,
        LeaseExpiresAt = now + lease,
    };

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
