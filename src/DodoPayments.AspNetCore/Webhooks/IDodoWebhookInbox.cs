namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// Finds, lists and replays the events of the webhook inbox (registered by <c>UseWebhookInbox()</c>; scoped).
/// </summary>
/// <example>
/// <code>
/// app.MapPost("/admin/webhooks/{id}/replay", async (string id, IDodoWebhookInbox inbox, CancellationToken ct) =&gt;
///     await inbox.ReplayAsync(id, ct) ? Results.Accepted() : Results.NotFound())
///    .RequireAuthorization("admin");
/// </code>
/// </example>
public interface IDodoWebhookInbox
{
    /// <summary>Finds an event by its <c>webhook-id</c>.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or null when the id is unknown.</returns>
    Task<DodoWebhookInboxEntry?> FindAsync(string webhookId, CancellationToken cancellationToken);

    /// <summary>Lists events in one state, most recently received first.</summary>
    /// <param name="state">The state to list.</param>
    /// <param name="limit">The most entries returned (default 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<DodoWebhookInboxEntry>> ListAsync(DodoWebhookInboxState state, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts an event back to pending with its attempts reset, and the inbox runs it again: a dead event runs the
    /// handlers that have not completed; a processed one runs all of them again.
    /// </summary>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the id is unknown.</returns>
    Task<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken);
}
