namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>An event in the webhook inbox, as <see cref="IDodoWebhookInbox"/> shows it.</summary>
public sealed class DodoWebhookInboxEntry
{
    /// <summary>The <c>webhook-id</c>.</summary>
    public required string WebhookId { get; init; }

    /// <summary>The event type, e.g. <c>payment.succeeded</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Pending, processed or dead.</summary>
    public required DodoWebhookInboxState State { get; init; }

    /// <summary>How many attempts ran (or started), the first included.</summary>
    public int Attempts { get; init; }

    /// <summary>The last failure: the exception's type and message, no stack trace; null when none failed.</summary>
    public string? LastError { get; init; }

    /// <summary>When the event was received and stored.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When every handler had completed; null until then.</summary>
    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>When a pending event is tried next; null when it is not pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
