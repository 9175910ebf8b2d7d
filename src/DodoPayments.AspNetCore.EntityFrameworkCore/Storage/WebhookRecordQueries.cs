using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>The conditions the store's statements share.</summary>
internal static class WebhookRecordQueries
{
    /// <summary>The event row, while <paramref name="claim"/> still holds it.</summary>
    public static IQueryable<DodoWebhookEventRecord> Held(DbContext db, WebhookClaim claim) =>
        db.Set<DodoWebhookEventRecord>().Where(e =>
            e.WebhookId == claim.WebhookId && e.OwnerToken == claim.OwnerToken && e.State == DodoWebhookInboxState.Pending);

    /// <summary>Inbox events due at <paramref name="now"/> that no live claim holds.</summary>
    public static IQueryable<DodoWebhookEventRecord> Due(IQueryable<DodoWebhookEventRecord> events, DateTimeOffset now) =>
        events.Where(e => e.State == DodoWebhookInboxState.Pending
            && e.NextAttemptAt <= now
            && (e.OwnerToken == null || e.LeaseExpiresAt <= now));

    /// <summary>The events in the inbox: those with a stored body (rows of inline deliveries are not in the inbox).</summary>
    public static IQueryable<DodoWebhookEventRecord> InInbox(IQueryable<DodoWebhookEventRecord> events) =>
        events.Where(e => e.Body != null);

    /// <summary>The inbox's view of events (<see cref="InInbox"/>).</summary>
    public static IQueryable<DodoWebhookInboxEntry> Entries(IQueryable<DodoWebhookEventRecord> events) =>
        InInbox(events).Select(e => new DodoWebhookInboxEntry
        {
            WebhookId = e.WebhookId,
            Type = e.Type ?? "",
            State = e.State,
            Attempts = e.Attempts,
            LastError = e.LastError,
            ReceivedAt = e.ReceivedAt,
            ProcessedAt = e.ProcessedAt,
            NextAttemptAt = e.State == DodoWebhookInboxState.Pending ? e.NextAttemptAt : null,
        });
}
