namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// One handler's run, begun with <see cref="IWebhookIdempotencyStore.BeginHandlerAsync"/>: committed when the handler
/// succeeded, rolled back (by disposing it uncommitted) when it threw.
/// </summary>
public interface IWebhookHandlerCompletion : IAsyncDisposable
{
    /// <summary>
    /// Records the handler as completed for the claimed event, together with whatever the handler wrote through the
    /// store's transaction, after checking that the claim is still held.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    /// <exception cref="WebhookClaimLostException">The claim was lost: nothing was committed.</exception>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}
