namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// The durable inbox of <c>UseWebhookInbox()</c>: verified events stored before Dodo is answered, then claimed by a
/// background processor that runs their handlers with retries. Implemented by a durable store (the
/// <c>DodoPayments.AspNetCore.EntityFrameworkCore</c> package) together with <see cref="IWebhookIdempotencyStore"/>,
/// over the same records: a claim taken here is completed with <see cref="IWebhookIdempotencyStore.CompleteAsync"/>
/// and its handlers recorded with <see cref="IWebhookIdempotencyStore.BeginHandlerAsync"/>.
/// </summary>
public interface IWebhookInboxStore
{
    /// <summary>Stores a verified event as <see cref="DodoWebhookInboxState.Pending"/>, due now.</summary>
    /// <param name="message">The event as received.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when stored; false when its <c>webhook-id</c> is in the inbox already (in any state): nothing is added.</returns>
    ValueTask<bool> AddAsync(WebhookInboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the pending event that is due first (its next attempt time has come and no live lease holds it) and
    /// counts the attempt; atomic across instances, so no event is claimed twice at once.
    /// </summary>
    /// <param name="lease">How long the claim holds unless renewed (<c>DodoPayments:Webhooks:ClaimLease</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed event, or null when none is due.</returns>
    ValueTask<WebhookInboxLease?> ClaimNextAsync(TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>When the next pending event falls due, so the processor can sleep until then.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The earliest next attempt time (or lease expiry) of a pending event; null when none is pending.</returns>
    ValueTask<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt of a held claim and ends the claim: the event stays pending until
    /// <paramref name="retryAt"/>, or is marked <see cref="DodoWebhookInboxState.Dead"/> when it is null.
    /// </summary>
    /// <param name="claim">A claim this caller holds.</param>
    /// <param name="error">The failure: the exception's type and message, never a stack trace.</param>
    /// <param name="retryAt">When to try again; null to give up (dead).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the claim was lost, so nothing was recorded.</returns>
    ValueTask<bool> FailAsync(WebhookClaim claim, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Finds an event by its <c>webhook-id</c>.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or null when the id is unknown.</returns>
    ValueTask<DodoWebhookInboxEntry?> FindAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Lists events in one state, most recently received first.</summary>
    /// <param name="state">The state to list.</param>
    /// <param name="limit">The most entries returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<DodoWebhookInboxEntry>> ListAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Puts an event back to <see cref="DodoWebhookInboxState.Pending"/>, due now, with its attempts reset: a dead
    /// event then runs the handlers that have not completed; a processed one runs all of them again (its completion
    /// records are removed).
    /// </summary>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the id is unknown.</returns>
    ValueTask<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the events in one state, as <see cref="ListAsync"/> lists them, stopping at <paramref name="limit"/>: the
    /// health check asks for its threshold + 1, and the inbox processor, for the metrics gauges, for up to 100,000 at most
    /// every 15 seconds while they are read, so the count stays cheap however large the inbox grows. This default
    /// counts what <see cref="ListAsync"/> returns; a store in a database overrides it with a bounded count query.
    /// </summary>
    /// <param name="state">The state to count.</param>
    /// <param name="limit">The most events counted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of events in <paramref name="state"/>, at most <paramref name="limit"/>.</returns>
    async ValueTask<int> CountAsync(DodoWebhookInboxState state, int limit, CancellationToken cancellationToken) =>
        (await ListAsync(state, limit, cancellationToken).ConfigureAwait(false)).Count;
}
