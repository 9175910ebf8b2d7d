namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>The <see cref="IDodoWebhookInbox"/> of <c>UseWebhookInbox()</c>: the inbox store, plus a wake-up of this process's processor on replay.</summary>
internal sealed class DodoWebhookInbox(IWebhookInboxStore store, WebhookInboxSignal signal) : IDodoWebhookInbox
{
    public async Task<DodoWebhookInboxEntry?> FindAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        return await store.FindAsync(webhookId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DodoWebhookInboxEntry>> ListAsync(DodoWebhookInboxState state, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await store.ListAsync(state, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ReplayAsync(string webhookId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (!await store.ReplayAsync(webhookId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        signal.Notify();
        return true;
    }
}
