namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// Remembers which <c>webhook-id</c>s were processed, and which of their handlers completed, so an event is handled
/// once even though Dodo delivers it again (retries, duplicates, several deliveries at once, several instances).
/// </summary>
/// <remarks>
/// <para>
/// A claim is fenced: <see cref="TryClaimAsync"/> returns a <see cref="WebhookClaim"/> carrying an owner token, and
/// every later call takes that claim, so an instance whose lease expired (and whose event another instance claimed
/// since) can neither record handlers, nor complete, nor release the event. The lease is renewed with
/// <see cref="RenewAsync"/> while handlers run, so a live handler keeps its claim however long it takes, and a
/// crashed instance's claim expires after one lease.
/// </para>
/// <para>
/// The default store lives in the process memory: right for tests and one instance in Development. The
/// <c>DodoPayments.AspNetCore.EntityFrameworkCore</c> package keeps the same state in the app's database. Every
/// implementation must make <see cref="TryClaimAsync"/> atomic across all instances sharing the store.
/// </para>
/// </remarks>
public interface IWebhookIdempotencyStore
{
    /// <summary>
    /// Atomically claims <paramref name="webhookId"/> for processing: succeeds when the event is unknown, or was
    /// released, or its last claim's lease has expired.
    /// </summary>
    /// <param name="webhookId">The <c>webhook-id</c> of the delivery.</param>
    /// <param name="lease">How long the claim holds unless renewed (<c>DodoPayments:Webhooks:ClaimLease</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// A claim whose <see cref="WebhookClaim.Result"/> says whether the caller now holds the event (with the handlers
    /// that completed in an earlier attempt), or it was processed, or another claim on it is live.
    /// </returns>
    ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a held claim's lease to <paramref name="lease"/> from now.</summary>
    /// <param name="claim">A claim this caller holds.</param>
    /// <param name="lease">The new lease, from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the claim was lost (its lease expired and another claim took the event, or it completed).</returns>
    ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Starts recording one handler's run. The handler runs after this call, resolved from
    /// <paramref name="handlerServices"/>; a store that keeps its state in a database the handler also writes to
    /// (the EF Core store and the app's <c>DbContext</c>) opens a transaction there, so the handler's own changes and
    /// its completion record commit together or not at all.
    /// </summary>
    /// <param name="claim">A claim this caller holds.</param>
    /// <param name="handlerKey">The handler's stable name (the same in every process): its type and event type.</param>
    /// <param name="handlerServices">The DI scope the handler is resolved from and runs in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The run: <see cref="IWebhookHandlerCompletion.CommitAsync"/> after the handler succeeded; disposing it without
    /// committing (the handler threw) rolls back whatever it recorded.
    /// </returns>
    ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken);

    /// <summary>Records a held event as processed, for at least <paramref name="retention"/>, and ends the claim.</summary>
    /// <param name="claim">A claim this caller holds.</param>
    /// <param name="retention">How long to remember it (<c>DodoPayments:Webhooks:IdempotencyRetention</c>, 72 hours by default).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the claim was lost, so nothing was recorded.</returns>
    ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a held claim up after a failure, so the next delivery of the event runs the handlers that have not
    /// completed. The completion records of handlers that did complete are kept.
    /// </summary>
    /// <param name="claim">A claim this caller holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the claim was lost already.</returns>
    ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken);

    /// <summary>
    /// Checks, cheaply, that the store can be reached (the health check of <c>AddHealthChecks().AddDodoPayments()</c>
    /// calls it): a store in a database runs one small query; a store in process memory has nothing to check, which is
    /// what this default does.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the health check's timeout passes.</param>
    /// <returns>A task that completes when the store answered, and fails (throws) when it cannot be reached.</returns>
    ValueTask PingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
