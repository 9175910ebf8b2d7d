using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>
/// One handler's run inside a transaction on the handler's own <see cref="DbContext"/>: what the handler saves and
/// its completion record commit together, after the claim is checked (and its row locked) in the same transaction;
/// disposed uncommitted, everything the handler wrote is rolled back.
/// </summary>
internal sealed class EntityFrameworkHandlerCompletion(
    DbContext db,
    WebhookSql sql,
    IDbContextTransaction transaction,
    WebhookClaim claim,
    string handlerKey,
    TimeProvider clock) : IWebhookHandlerCompletion
{
    private bool _committed;
    private bool _disposed;

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("This handler run was committed already.");
        }

        // Changes the handler added but did not save commit with its record, as they always have.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!await RecordAsync(cancellationToken).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            throw new WebhookClaimLostException(
                $"The claim on webhook {claim.WebhookId} was lost before handler {handlerKey} completed: its changes were rolled back.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_committed)
        {
            // Whatever the handler added or saved is gone from the database; forget it in the context too, so nothing
            // else in the scope saves it later.
            db.ChangeTracker.Clear();
        }

        await transaction.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the completion record while the claim holds the event, keeping the event row locked until the commit, so no
    /// other instance takes the event over in between (and reads the completed handlers before this one is among them).
    /// False when the claim was lost.
    /// </summary>
    private async Task<bool> RecordAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (sql.RecordHandler is { } recordHandler)
        {
            // One statement: the record is inserted only if the claim still holds the event (PostgreSQL: FOR SHARE).
            return await db.Database.ExecuteSqlRawAsync(
                recordHandler,
                [claim.WebhookId, handlerKey, sql.Time(now), claim.OwnerToken, sql.State(DodoWebhookInboxState.Pending)],
                cancellationToken).ConfigureAwait(false) == 1;
        }

        // Other providers: touch the event row while the claim holds it (the update locks it), then add the record.
        var held = await WebhookRecordQueries.Held(db, claim)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.OwnerToken, claim.OwnerToken), cancellationToken).ConfigureAwait(false);
        if (held != 1)
        {
            return false;
        }

        db.Add(new DodoWebhookHandlerRecord { WebhookId = claim.WebhookId, HandlerKey = handlerKey, CompletedAt = now });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
