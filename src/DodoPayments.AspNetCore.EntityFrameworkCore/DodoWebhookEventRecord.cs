using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.EntityFrameworkCore;

/// <summary>
/// One <c>webhook-id</c> the durable store knows (table <c>dodo_webhook_events</c>): claimed by a delivery, processed,
/// or waiting in the inbox. Put into the app's model by <see cref="DodoWebhookModelBuilderExtensions.AddDodoWebhookStore"/>;
/// read it for monitoring, but let the store write it.
/// </summary>
/// <remarks>
/// Times are stored as Unix milliseconds (UTC) in <c>bigint</c> columns, so SQLite, PostgreSQL and SQL Server compare
/// and order them alike. A row written by an inline delivery has no <see cref="Body"/>; an inbox event has one.
/// </remarks>
public sealed class DodoWebhookEventRecord
{
    /// <summary>The largest <c>webhook-id</c> stored (characters).</summary>
    public const int MaxWebhookIdLength = 256;

    /// <summary>The largest event type stored (characters).</summary>
    public const int MaxTypeLength = 128;

    /// <summary>The largest <see cref="LastError"/> stored (characters); a longer one is cut.</summary>
    public const int MaxLastErrorLength = 2000;

    /// <summary>The <c>webhook-id</c> (primary key).</summary>
    public string WebhookId { get; set; } = "";

    /// <summary>The event type, e.g. <c>payment.succeeded</c>; null for a row an inline delivery claimed.</summary>
    public string? Type { get; set; }

    /// <summary>The raw body as received and verified; only inbox events keep it.</summary>
    public byte[]? Body { get; set; }

    /// <summary>The verified <c>webhook-timestamp</c> of an inbox event.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>When the event was first stored.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Pending (waiting, or its handlers are running under a claim), processed or dead.</summary>
    public DodoWebhookInboxState State { get; set; }

    /// <summary>The owner token of the live claim; null when no claim holds the event.</summary>
    public Guid? OwnerToken { get; set; }

    /// <summary>When the claim of <see cref="OwnerToken"/> expires unless renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>How many inbox attempts started, the first included.</summary>
    public int Attempts { get; set; }

    /// <summary>When a pending inbox event is tried next; null for inline rows and settled events.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The last inbox failure: the exception's type and message, never a stack trace.</summary>
    public string? LastError { get; set; }

    /// <summary>When every handler had completed.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Until when a processed event is remembered; the background purge deletes it after that.</summary>
    public DateTimeOffset? RetainUntil { get; set; }
}
