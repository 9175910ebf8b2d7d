namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// Remembers which <c>webhook-id</c>s were processed, so an event is handled once even though Dodo delivers it
/// again (retries, duplicates, several deliveries at once).
/// </summary>
/// <remarks>
/// The default store lives in the process memory: right for one instance. Apps running several instances register
/// a shared implementation (a database, Redis) before <c>AddDodoPayments</c>, or replace the registration; the
/// package registers its own with <c>TryAdd</c>. <see cref="TryClaimAsync"/> must be atomic across every instance
/// sharing the store.
/// </remarks>
public interface IWebhookIdempotencyStore
{
    /// <summary>Atomically claims <paramref name="webhookId"/> for processing.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> of the delivery.</param>
    /// <param name="lease">
    /// How long a claim holds when neither <see cref="CompleteAsync"/> nor <see cref="ReleaseAsync"/> follows (an
    /// instance that crashed mid-processing); after it, the event can be claimed again.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the caller now holds the event, or it was processed, or it is being processed.</returns>
    ValueTask<WebhookClaimResult> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a claimed event as processed, for at least <paramref name="retention"/>.</summary>
    /// <param name="webhookId">The claimed <c>webhook-id</c>.</param>
    /// <param name="retention">How long to remember it (<c>DodoPayments:Webhooks:IdempotencyRetention</c>, 72 hours by default).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is recorded.</returns>
    ValueTask CompleteAsync(string webhookId, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Gives a claim up after a failure, so the next delivery of the event runs its handlers.</summary>
    /// <param name="webhookId">The claimed <c>webhook-id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string webhookId, CancellationToken cancellationToken);
}
