using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Diagnostics;

/// <summary>
/// The tag names of the package's metrics and spans, and the bounded values metric tags may take: outcomes, reasons,
/// operation and endpoint names and event types come from fixed lists, never from what a caller sent (no ids, emails or
/// amounts). Anything not on a list reads as <c>unknown</c> or <c>other</c>.
/// </summary>
internal static class DodoTelemetryValues
{
    public const string EventType = "dodo.webhook.event_type";
    public const string WebhookOutcome = "dodo.webhook.outcome";
    public const string WebhookReason = "dodo.webhook.reason";

    /// <summary>The <c>webhook-id</c>: a span tag only, never a metric tag.</summary>
    public const string WebhookId = "dodo.webhook.id";

    public const string Operation = "dodo.api.operation";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string EndpointName = "dodo.endpoint.name";
    public const string EndpointOutcome = "dodo.endpoint.outcome";

    /// <summary>An event type the package does not know (Dodo adds types without notice): one value for all of them.</summary>
    public const string UnknownEventType = "unknown";

    /// <summary>The event type when the package knows it; <see cref="UnknownEventType"/> for any other; null when none was read.</summary>
    public static string? EventTypeValue(string? type) =>
        string.IsNullOrEmpty(type) ? null : WebhookEventRegistry.Descriptors.ContainsKey(type) ? type : UnknownEventType;

    public static string OutcomeValue(DodoWebhookOutcomeKind kind) => kind switch
    {
        DodoWebhookOutcomeKind.Processed => "processed",
        DodoWebhookOutcomeKind.Duplicate => "duplicate",
        DodoWebhookOutcomeKind.Accepted => "accepted",
        DodoWebhookOutcomeKind.InProgress => "in_progress",
        DodoWebhookOutcomeKind.Rejected => "rejected",
        DodoWebhookOutcomeKind.Invalid => "invalid",
        _ => "failed",
    };

    /// <summary>The snake_case form of <see cref="DodoWebhookOutcome.Reason"/> (an enum name); null when there is none.</summary>
    public static string? ReasonValue(string? reason) => reason switch
    {
        null => null,
        nameof(WebhookVerificationResult.MissingId) => "missing_id",
        nameof(WebhookVerificationResult.MissingTimestamp) => "missing_timestamp",
        nameof(WebhookVerificationResult.MissingSignature) => "missing_signature",
        nameof(WebhookVerificationResult.InvalidTimestamp) => "invalid_timestamp",
        nameof(WebhookVerificationResult.TimestampTooOld) => "timestamp_too_old",
        nameof(WebhookVerificationResult.TimestampTooNew) => "timestamp_too_new",
        nameof(WebhookVerificationResult.NoKeys) => "no_keys",
        nameof(WebhookVerificationResult.NoMatchingSignature) => "no_matching_signature",
        nameof(WebhookReadFailure.NotJson) => "not_json",
        nameof(WebhookReadFailure.NotAnObject) => "not_an_object",
        nameof(WebhookReadFailure.TypeMissing) => "type_missing",
        nameof(WebhookReadFailure.IdTooLong) => "id_too_long",
        nameof(WebhookReadFailure.DataNotAnObject) => "data_not_an_object",
        nameof(WebhookReadFailure.DataWithoutId) => "data_without_id",
        nameof(WebhookReadFailure.DataUnreadable) => "data_unreadable",
        "ClaimLost" => "claim_lost",
        _ => "other",
    };

    public static string RunValue(WebhookRunResult run) => run.Status switch
    {
        WebhookRunStatus.Completed => "success",
        WebhookRunStatus.ClaimLost => "claim_lost",
        _ => run.Cancelled ? "canceled" : "failure",
    };

    public static string InboxValue(DodoInboxAttemptOutcome outcome) => outcome switch
    {
        DodoInboxAttemptOutcome.Processed => "processed",
        DodoInboxAttemptOutcome.Retry => "retry",
        DodoInboxAttemptOutcome.Dead => "dead",
        DodoInboxAttemptOutcome.ClaimLost => "claim_lost",
        _ => "left_pending",
    };

    /// <summary>
    /// The API client's operation (<c>POST /checkouts</c>, as in its logs) as a metric name; <c>other</c> for one not
    /// listed here.
    /// </summary>
    public static string OperationValue(string operation) => operation switch
    {
        "GET /products/{id}" => "products.get",
        "POST /payments" => "payments.create",
        "POST /subscriptions" => "subscriptions.create",
        "POST /checkouts" => "checkouts.create",
        "POST /customers/{id}/customer-portal/session" => "customer_portal.sessions.create",
        "POST /subscriptions/{id}/change-plan" => "subscriptions.change_plan",
        "POST /subscriptions/{id}/change-plan/preview" => "subscriptions.change_plan.preview",
        "DELETE /subscriptions/{id}/change-plan/scheduled" => "subscriptions.change_plan.cancel_scheduled",
        _ => "other",
    };

    /// <summary>The endpoint's log name (<c>checkout session</c>) as a metric name; <c>other</c> for one not listed here.</summary>
    public static string EndpointValue(string name) => name switch
    {
        "checkout session" => "checkout",
        "dynamic checkout" => "dynamic_checkout",
        "static checkout" => "static_checkout",
        "customer portal" => "customer_portal",
        "plan change preview" => "plan_change_preview",
        "plan change" => "plan_change",
        _ => "other",
    };

    /// <summary>What an endpoint's answer means, from its status code (API.md §3).</summary>
    public static string EndpointOutcomeValue(int statusCode) => statusCode switch
    {
        < 400 => "success",
        400 => "invalid",
        401 => "unauthorized",
        403 => "forbidden",
        413 => "too_large",
        415 => "unsupported_media_type",
        < 500 => "refused",
        502 => "upstream_error",
        504 => "upstream_timeout",
        _ => "error",
    };
}

/// <summary>How one attempt of the inbox processor ended.</summary>
internal enum DodoInboxAttemptOutcome
{
    /// <summary>Every handler completed; the event is processed.</summary>
    Processed,

    /// <summary>A handler failed; the event stays pending until its next attempt.</summary>
    Retry,

    /// <summary>A handler failed at the last attempt (or the stored event cannot be read): the event is dead.</summary>
    Dead,

    /// <summary>Another instance took the claim over; nothing was recorded here.</summary>
    ClaimLost,

    /// <summary>The app stopped while the handlers ran; the event stays pending, its attempt counted.</summary>
    LeftPending,
}
