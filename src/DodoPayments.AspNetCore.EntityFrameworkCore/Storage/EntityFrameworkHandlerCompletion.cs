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

        // Touch the event row while the claim holds it: the row stays locked until the commit, so no other instance
        // takes the event over between this check and the commit (and reads the handlers before this one is among them).
        var held = await WebhookRecordQueries.Held(db, claim)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.OwnerToken, claim.OwnerToken), cancellationToken).ConfigureAwait(false);
        if (held != 1)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            throw new WebhookClaimLostException(
                $"The claim on webhook {claim.WebhookId} was lost before handler {handlerKey} completed: its changes were rolled back.");
        }

        db.Add(new DodoWebhookHandlerRecord { WebhookId = claim.WebhookId, HandlerKey = handlerKey, CompletedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
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
}
