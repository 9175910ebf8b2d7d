using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// The catch-all: runs for every event, known or not, after the typed handlers, and writes it to the event log the
/// orders page shows, with its <c>webhook-id</c>. A redelivered id that was processed before never gets here (the
/// package answers 200 without running handlers), so each id is logged as handled once.
/// </summary>
internal sealed class EventLogHandler(ShopStore store, WebhookNotes notes) : IWebhookHandler<WebhookEvent>
{
    public Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        store.LogWebhook(webhookEvent.Id, webhookEvent.Type, "handled", notes.Detail);
        return Task.CompletedTask;
    }
}
