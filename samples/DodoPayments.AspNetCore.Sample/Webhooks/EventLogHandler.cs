using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// The catch-all: runs for every event, known or not, after the typed handlers, and writes the events no typed handler
/// logged (refunds, disputes, types this shop ignores) to the webhook log the orders page shows, with their
/// <c>webhook-id</c>. A redelivered id that was processed before never gets here (the package answers 200 without
/// running handlers), so each id is logged as handled once.
/// </summary>
internal sealed class EventLogHandler(ShopDb db, TimeProvider clock) : IWebhookHandler<WebhookEvent>
{
    public async Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        // OrderWebhookHandler ran first and, for the events it handles, committed its line with its changes.
        if (await db.WebhookLog.AnyAsync(entry => entry.WebhookId == webhookEvent.Id && entry.Outcome == WebhookLogEntry.Handled, cancellationToken))
        {
            return;
        }

        db.WebhookLog.Add(WebhookLogEntry.For(webhookEvent, WebhookLogEntry.Handled, detail: null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
