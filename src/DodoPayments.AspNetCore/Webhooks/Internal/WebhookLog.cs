using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The webhook endpoint's log messages (event ids 300–399, stable). They carry the <c>webhook-id</c>, the type and
/// reasons; never keys, signatures, bodies or customer data.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 300, EventName = "WebhookProcessed", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}) processed by {HandlerCount} handler(s) in {ElapsedMilliseconds} ms.")]
    public static partial void Processed(this ILogger logger, string webhookId, string webhookType, int handlerCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 301, EventName = "WebhookSignatureRejected", Level = LogLevel.Warning,
        Message = "Webhook rejected with 401: {Reason}.")]
    public static partial void SignatureRejected(this ILogger logger, WebhookVerificationResult reason);

    [LoggerMessage(EventId = 302, EventName = "WebhookNoKeys", Level = LogLevel.Error,
        Message = "Webhook rejected with 401: no usable webhook key is configured (DodoPayments:WebhookKey).")]
    public static partial void NoKeys(this ILogger logger);

    [LoggerMessage(EventId = 303, EventName = "WebhookBodyTooLarge", Level = LogLevel.Warning,
        Message = "Webhook rejected with 413: the body is larger than {Limit} bytes (DodoPayments:Webhooks:MaxRequestBodySize).")]
    public static partial void BodyTooLarge(this ILogger logger, long limit);

    [LoggerMessage(EventId = 304, EventName = "WebhookPayloadUnreadable", Level = LogLevel.Warning,
        Message = "Webhook {WebhookId} ({WebhookType}) rejected with 400: {Reason}.")]
    public static partial void PayloadUnreadable(this ILogger logger, string webhookId, string webhookType, WebhookReadFailure reason);

    [LoggerMessage(EventId = 305, EventName = "WebhookAlreadyProcessed", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}) was processed already; acknowledged without running handlers.")]
    public static partial void AlreadyProcessed(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 306, EventName = "WebhookInProgress", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}) is being processed by another delivery; answered 409 so Dodo retries later.")]
    public static partial void InProgress(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 307, EventName = "WebhookHandlerFailed", Level = LogLevel.Error,
        Message = "Handler {HandlerKey} of webhook {WebhookId} ({WebhookType}) failed; the event is released, so the next delivery runs the handlers that did not complete.")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string handlerKey, string webhookId, string webhookType);

    [LoggerMessage(EventId = 308, EventName = "WebhookSlowHandler", Level = LogLevel.Warning,
        Message = "Handler {HandlerKey} of webhook {WebhookId} ({WebhookType}) took {ElapsedMilliseconds} ms, more than {ThresholdMilliseconds} ms (DodoPayments:Webhooks:SlowHandlerThreshold); Dodo gives up waiting after 15 s.")]
    public static partial void SlowHandler(this ILogger logger, string handlerKey, string webhookId, string webhookType, long elapsedMilliseconds, long thresholdMilliseconds);

    [LoggerMessage(EventId = 309, EventName = "WebhookCallerLeft", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}): the caller went away before the answer; the handlers were not cancelled for it ({Outcome}).")]
    public static partial void CallerLeft(this ILogger logger, string webhookId, string webhookType, DodoWebhookOutcomeKind outcome);

    [LoggerMessage(EventId = 310, EventName = "WebhookUnknownType", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} has a type this package does not know ({WebhookType}); it goes to catch-all handlers.")]
    public static partial void UnknownType(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 311, EventName = "WebhookCompleteFailed", Level = LogLevel.Error,
        Message = "Webhook {WebhookId} ({WebhookType}) was handled but the idempotency store could not record it; acknowledged anyway, so a later redelivery may run it again.")]
    public static partial void CompleteFailed(this ILogger logger, Exception exception, string webhookId, string webhookType);

    [LoggerMessage(EventId = 312, EventName = "WebhookClaimLost", Level = LogLevel.Warning,
        Message = "The claim on webhook {WebhookId} was lost (its lease expired and another claim took the event); its handlers are cancelled and it is not completed here.")]
    public static partial void ClaimLost(this ILogger logger, string webhookId);

    [LoggerMessage(EventId = 313, EventName = "WebhookClaimRenewFailed", Level = LogLevel.Warning,
        Message = "The claim on webhook {WebhookId} could not be renewed; trying again at the next renewal.")]
    public static partial void RenewFailed(this ILogger logger, Exception exception, string webhookId);

    [LoggerMessage(EventId = 314, EventName = "WebhookHandlersTimedOut", Level = LogLevel.Error,
        Message = "Handler {HandlerKey} of webhook {WebhookId} ({WebhookType}) was cancelled after {TimeoutMilliseconds} ms (DodoPayments:Webhooks:HandlerTimeout); the event is released.")]
    public static partial void HandlersTimedOut(this ILogger logger, string handlerKey, string webhookId, string webhookType, long timeoutMilliseconds);

    [LoggerMessage(EventId = 315, EventName = "WebhookHandlersStopped", Level = LogLevel.Warning,
        Message = "Handler {HandlerKey} of webhook {WebhookId} ({WebhookType}) was cancelled because the app is stopping; the event is released.")]
    public static partial void HandlersStopped(this ILogger logger, string handlerKey, string webhookId, string webhookType);

    [LoggerMessage(EventId = 316, EventName = "WebhookStoreFailed", Level = LogLevel.Error,
        Message = "The webhook store failed for webhook {WebhookId} ({WebhookType}); answered 500 so Dodo delivers it again.")]
    public static partial void StoreFailed(this ILogger logger, Exception exception, string webhookId, string webhookType);

    [LoggerMessage(EventId = 317, EventName = "WebhookInMemoryStore", Level = LogLevel.Warning,
        Message = "The webhook idempotency store is the in-memory one (InMemoryWebhookIdempotencyStore) in the {Environment} environment: processed webhook-ids are lost when the app restarts and are not shared between instances, so a redelivery can run handlers twice. Register a durable store, e.g. AddEntityFrameworkWebhookStore<TContext>().")]
    public static partial void InMemoryStore(this ILogger logger, string environment);

    [LoggerMessage(EventId = 318, EventName = "WebhookInMemoryStoreFull", Level = LogLevel.Warning,
        Message = "The in-memory webhook idempotency store is full ({Capacity} ids): it forgot {Dropped} processed webhook-id(s) still within their retention, so a redelivery of those would run handlers again. Use a durable store for this volume.")]
    public static partial void InMemoryStoreFull(this ILogger logger, int capacity, int dropped);

    [LoggerMessage(EventId = 319, EventName = "WebhookIdTooLong", Level = LogLevel.Warning,
        Message = "Webhook rejected with 400: its webhook-id is {Length} characters long, more than {Limit}.")]
    public static partial void IdTooLong(this ILogger logger, int length, int limit);

    [LoggerMessage(EventId = 320, EventName = "WebhookStoredInInbox", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}) stored in the inbox; its handlers run in the background.")]
    public static partial void StoredInInbox(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 321, EventName = "WebhookAlreadyInInbox", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}) is in the inbox already; acknowledged without adding it again.")]
    public static partial void AlreadyInInbox(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 322, EventName = "WebhookInboxProcessed", Level = LogLevel.Information,
        Message = "Inbox webhook {WebhookId} ({WebhookType}) processed by {HandlerCount} handler(s) at attempt {Attempt}.")]
    public static partial void InboxProcessed(this ILogger logger, string webhookId, string webhookType, int handlerCount, int attempt);

    [LoggerMessage(EventId = 323, EventName = "WebhookInboxRetry", Level = LogLevel.Warning,
        Message = "Handler {HandlerKey} of inbox webhook {WebhookId} ({WebhookType}) failed at attempt {Attempt} of {MaxAttempts}; next attempt at {RetryAt:O}.")]
    public static partial void InboxRetry(this ILogger logger, Exception exception, string handlerKey, string webhookId, string webhookType, int attempt, int maxAttempts, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 324, EventName = "WebhookInboxDead", Level = LogLevel.Error,
        Message = "Inbox webhook {WebhookId} ({WebhookType}) failed {Attempt} time(s) and is dead; replay it with IDodoWebhookInbox.ReplayAsync once the cause is fixed.")]
    public static partial void InboxDead(this ILogger logger, Exception? exception, string webhookId, string webhookType, int attempt);

    [LoggerMessage(EventId = 325, EventName = "WebhookInboxStoreFailed", Level = LogLevel.Error,
        Message = "The webhook inbox store failed; the inbox processor tries again shortly.")]
    public static partial void InboxStoreFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 326, EventName = "WebhookInboxClaimLost", Level = LogLevel.Warning,
        Message = "The claim on inbox webhook {WebhookId} ({WebhookType}) was lost while its handlers ran; another instance runs it.")]
    public static partial void InboxClaimLost(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 327, EventName = "WebhookInboxLeftPending", Level = LogLevel.Information,
        Message = "Inbox webhook {WebhookId} ({WebhookType}) was cancelled by the shutdown and left pending; it runs again after the restart (or on another instance).")]
    public static partial void InboxLeftPending(this ILogger logger, string webhookId, string webhookType);
}
