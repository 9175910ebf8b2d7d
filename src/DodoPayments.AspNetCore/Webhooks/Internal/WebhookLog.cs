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
        Message = "A handler of webhook {WebhookId} ({WebhookType}) failed; answered 500 and released, so Dodo's retry runs it again.")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string webhookId, string webhookType);

    [LoggerMessage(EventId = 308, EventName = "WebhookSlowHandlers", Level = LogLevel.Warning,
        Message = "Handlers of webhook {WebhookId} ({WebhookType}) took {ElapsedMilliseconds} ms, more than {ThresholdMilliseconds} ms; Dodo gives up after 15 s and retries.")]
    public static partial void SlowHandlers(this ILogger logger, string webhookId, string webhookType, long elapsedMilliseconds, long thresholdMilliseconds);

    [LoggerMessage(EventId = 309, EventName = "WebhookRequestAborted", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} ({WebhookType}): the caller went away before it was processed; not recorded, so a retry runs it.")]
    public static partial void RequestAborted(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 310, EventName = "WebhookUnknownType", Level = LogLevel.Information,
        Message = "Webhook {WebhookId} has a type this package does not know ({WebhookType}); it goes to catch-all handlers.")]
    public static partial void UnknownType(this ILogger logger, string webhookId, string webhookType);

    [LoggerMessage(EventId = 311, EventName = "WebhookCompleteFailed", Level = LogLevel.Error,
        Message = "Webhook {WebhookId} ({WebhookType}) was handled but the idempotency store could not record it; acknowledged anyway, so a later redelivery may run it again.")]
    public static partial void CompleteFailed(this ILogger logger, Exception exception, string webhookId, string webhookType);
}
