namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Options of the webhook endpoint, under <c>DodoPayments:Webhooks</c>.</summary>
public sealed class DodoWebhookOptions
{
    /// <summary>The largest webhook body accepted, in bytes; a larger one is answered 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>How far a <c>webhook-timestamp</c> may be from now, either way, boundary included. Default 5 minutes, as Standard Webhooks requires.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a processed <c>webhook-id</c> is remembered so a redelivery does not run handlers again. Default 72 hours.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Handlers taking longer than this log a warning (Dodo gives up on a delivery after 15 seconds). Default 10 seconds.</summary>
    public TimeSpan SlowHandlerThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the handlers of one event may run before their <see cref="CancellationToken"/> is cancelled. Default 5
    /// minutes. The token is never cancelled because the sender hung up (Dodo gives up after 15 seconds).
    /// </summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a claim on an event holds without being renewed. It is renewed while handlers run, so a live handler
    /// keeps it however long it takes (up to <see cref="HandlerTimeout"/>); a crashed instance's claim expires after it
    /// and another delivery (or the inbox) may run the event. Default 30 seconds.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Options of the webhook inbox (configuration key <c>DodoPayments:Webhooks:Inbox</c>), used with <c>UseWebhookInbox()</c>.</summary>
    public DodoWebhookInboxOptions Inbox { get; } = new();
}
