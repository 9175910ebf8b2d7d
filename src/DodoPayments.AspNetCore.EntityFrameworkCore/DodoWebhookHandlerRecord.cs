namespace DodoPayments.AspNetCore.EntityFrameworkCore;

/// <summary>
/// One handler that completed for an event (table <c>dodo_webhook_handlers</c>), committed in the same transaction as
/// the handler's own changes; a later attempt of the event does not run it again. The records of a processed event stay
/// until the purge deletes the event with them, or until the event runs again (replayed, or delivered after its
/// retention), which removes them first, so every handler runs.
/// </summary>
public sealed class DodoWebhookHandlerRecord
{
    /// <summary>The largest handler key stored (characters).</summary>
    public const int MaxHandlerKeyLength = 400;

    /// <summary>The event's <c>webhook-id</c> (with <see cref="HandlerKey"/>, the primary key).</summary>
    public string WebhookId { get; set; } = "";

    /// <summary>The handler's stable name: its type and the event type.</summary>
    public string HandlerKey { get; set; } = "";

    /// <summary>When the handler completed.</summary>
    public DateTimeOffset CompletedAt { get; set; }
}
