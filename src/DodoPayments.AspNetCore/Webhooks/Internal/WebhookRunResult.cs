namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>How the handlers of a claimed event ended.</summary>
internal enum WebhookRunStatus
{
    /// <summary>Every handler completed (now or in an earlier attempt): the caller completes the claim.</summary>
    Completed,

    /// <summary>A handler threw, was cancelled, or could not be resolved: the caller releases the claim (or schedules a retry).</summary>
    Failed,

    /// <summary>The claim was lost while the handlers ran: the caller neither completes nor releases it.</summary>
    ClaimLost,
}

/// <summary>The result of <see cref="DodoWebhookProcessor.RunHandlersAsync"/>.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="HandlersRun">How many handlers completed in this run.</param>
/// <param name="Exception">What the failing handler threw; null when none failed.</param>
/// <param name="HandlerKey">The key of the failing handler; null when none failed.</param>
/// <param name="Cancelled">The handlers' token was cancelled (timeout, stopping): logged as such, not as a handler error.</param>
internal readonly record struct WebhookRunResult(WebhookRunStatus Status, int HandlersRun, Exception? Exception = null, string? HandlerKey = null, bool Cancelled = false);
