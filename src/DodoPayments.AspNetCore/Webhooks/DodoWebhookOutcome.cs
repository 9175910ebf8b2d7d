namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// The result of <see cref="DodoWebhookProcessor"/>: what became of one delivery, with the reason or the exception when
/// it did not succeed. The webhook endpoint maps it to a status code; a queue consumer decides from it whether to
/// acknowledge the message (<see cref="IsSuccess"/>) or let it come back.
/// </summary>
public sealed class DodoWebhookOutcome
{
    private DodoWebhookOutcome(DodoWebhookOutcomeKind kind, string? webhookId, string? eventType, string? reason, Exception? exception, int handlersRun)
    {
        Kind = kind;
        WebhookId = webhookId;
        EventType = eventType;
        Reason = reason;
        Exception = exception;
        HandlersRun = handlersRun;
    }

    /// <summary>What became of the delivery.</summary>
    public DodoWebhookOutcomeKind Kind { get; }

    /// <summary>The <c>webhook-id</c>; null when the delivery was rejected before it was known to be authentic.</summary>
    public string? WebhookId { get; }

    /// <summary>The event type (e.g. <c>payment.succeeded</c>) once the envelope was read; null before.</summary>
    public string? EventType { get; }

    /// <summary>
    /// Why the delivery was <see cref="DodoWebhookOutcomeKind.Rejected"/> (<c>MissingId</c>, <c>MissingTimestamp</c>,
    /// <c>MissingSignature</c>, <c>InvalidTimestamp</c>, <c>TimestampTooOld</c>, <c>TimestampTooNew</c>, <c>NoKeys</c>,
    /// <c>NoMatchingSignature</c>) or <see cref="DodoWebhookOutcomeKind.Invalid"/> (<c>NotJson</c>, <c>NotAnObject</c>,
    /// <c>TypeMissing</c>, <c>IdTooLong</c>, <c>DataNotAnObject</c>, <c>DataWithoutId</c>, <c>DataUnreadable</c>), or
    /// <c>ClaimLost</c> for <see cref="DodoWebhookOutcomeKind.InProgress"/>; null otherwise. Never sent to an
    /// unauthenticated caller by the endpoint.
    /// </summary>
    public string? Reason { get; }

    /// <summary>What a handler (or the store) threw, for <see cref="DodoWebhookOutcomeKind.Failed"/>; null otherwise.</summary>
    public Exception? Exception { get; }

    /// <summary>How many handlers ran to completion in this attempt (those completed in earlier attempts are not run again).</summary>
    public int HandlersRun { get; }

    /// <summary>True when the delivery needs no retry: <see cref="DodoWebhookOutcomeKind.Processed"/>, <see cref="DodoWebhookOutcomeKind.Duplicate"/> or <see cref="DodoWebhookOutcomeKind.Accepted"/>.</summary>
    public bool IsSuccess => Kind is DodoWebhookOutcomeKind.Processed or DodoWebhookOutcomeKind.Duplicate or DodoWebhookOutcomeKind.Accepted;

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Kind.ToString() : $"{Kind} ({Reason})";

    internal static DodoWebhookOutcome Processed(string webhookId, string eventType, int handlersRun) =>
        new(DodoWebhookOutcomeKind.Processed, webhookId, eventType, null, null, handlersRun);

    internal static DodoWebhookOutcome Duplicate(string webhookId, string? eventType) =>
        new(DodoWebhookOutcomeKind.Duplicate, webhookId, eventType, null, null, 0);

    internal static DodoWebhookOutcome Accepted(string webhookId, string eventType) =>
        new(DodoWebhookOutcomeKind.Accepted, webhookId, eventType, null, null, 0);

    internal static DodoWebhookOutcome InProgress(string webhookId, string? eventType, string? reason = null) =>
        new(DodoWebhookOutcomeKind.InProgress, webhookId, eventType, reason, null, 0);

    internal static DodoWebhookOutcome Rejected(string reason) =>
        new(DodoWebhookOutcomeKind.Rejected, null, null, reason, null, 0);

    internal static DodoWebhookOutcome Invalid(string webhookId, string? eventType, string reason) =>
        new(DodoWebhookOutcomeKind.Invalid, webhookId, eventType, reason, null, 0);

    internal static DodoWebhookOutcome Failed(string webhookId, string? eventType, Exception exception, int handlersRun) =>
        new(DodoWebhookOutcomeKind.Failed, webhookId, eventType, null, exception, handlersRun);
}
