using System.Diagnostics;
using System.Diagnostics.Metrics;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static DodoPayments.AspNetCore.Diagnostics.DodoTelemetryValues;

namespace DodoPayments.AspNetCore.Diagnostics;

/// <summary>
/// The package's metrics (the meter <see cref="DodoPaymentsTelemetry.MeterName"/>, created through the app's
/// <see cref="IMeterFactory"/>, so each app, and each test host, has its own) and spans (the static
/// <see cref="ActivitySource"/> <see cref="DodoPaymentsTelemetry.ActivitySourceName"/>). The pipeline calls one method
/// per fact; each checks <see cref="Instrument.Enabled"/> first and builds its tags in a <see cref="TagList"/>, so
/// nothing is allocated when nobody listens.
/// </summary>
/// <remarks>
/// The inbox instruments count state transitions seen by this process (an observable callback never reads the
/// database): <c>dodo.webhook.inbox.backlog</c> goes up when this instance stores or replays an event and down when its
/// processor finishes one (processed or dead); <c>dodo.webhook.inbox.dead</c> goes up when its processor gives an event
/// up and down when it replays a dead one. Each process starts at zero, so with several instances, or after a restart,
/// the sum over the instances is the change since they started; the absolute numbers are the database's (the health
/// check, <c>IDodoWebhookInbox.ListAsync</c>).
/// </remarks>
internal sealed class DodoInstrumentation
{
    /// <summary>The spans: one per Dodo API call, one per webhook delivery and per inbox attempt.</summary>
    public static readonly ActivitySource ActivitySource = new(DodoPaymentsTelemetry.ActivitySourceName, Version);

    /// <summary>The name of the span of a webhook delivery, a stored event run again, or an inbox attempt.</summary>
    public const string WebhookSpan = "dodo.webhook.process";

    /// <summary>Bucket boundaries (seconds) fit for handlers and API calls: 5 ms to 5 min.</summary>
    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 300],
    };

    private readonly TimeProvider _timeProvider;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;
    private readonly UpDownCounter<long> _backlog;
    private readonly UpDownCounter<long> _dead;
    private readonly Counter<long> _inboxAttempts;
    private readonly Counter<long> _apiCalls;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _endpointRequests;

    public DodoInstrumentation(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        var meter = meterFactory.Create(new MeterOptions(DodoPaymentsTelemetry.MeterName) { Version = Version });
        _deliveries = meter.CreateCounter<long>(
            "dodo.webhook.deliveries", "{delivery}", "Webhook deliveries received, by outcome (and reason when refused) and event type.");
        _handlerDuration = meter.CreateHistogram(
            "dodo.webhook.handler.duration", "s", "Time the handlers of one event took in one attempt (inline or inbox), by event type and outcome.", tags: null, DurationAdvice);
        _backlog = meter.CreateUpDownCounter<long>(
            "dodo.webhook.inbox.backlog", "{event}", "Inbox events stored or replayed by this instance minus those its processor finished (processed or dead).");
        _dead = meter.CreateUpDownCounter<long>(
            "dodo.webhook.inbox.dead", "{event}", "Inbox events this instance's processor gave up (dead) minus the dead events it replayed.");
        _inboxAttempts = meter.CreateCounter<long>(
            "dodo.webhook.inbox.attempts", "{attempt}", "Attempts of the inbox processor, by outcome and event type.");
        _apiCalls = meter.CreateCounter<long>(
            "dodo.api.calls", "{call}", "Calls to the Dodo Payments API, by operation and HTTP status code (or error type).");
        _apiDuration = meter.CreateHistogram(
            "dodo.api.call.duration", "s", "Duration of the calls to the Dodo Payments API, by operation and HTTP status code (or error type).", tags: null, DurationAdvice);
        _endpointRequests = meter.CreateCounter<long>(
            "dodo.endpoint.requests", "{request}", "Requests answered by the checkout, customer portal and plan change endpoints, by endpoint and outcome.");
    }

    /// <summary>The package version the meter and the activity source carry.</summary>
    private static string Version => DodoPaymentsApiClient.UserAgent.Product!.Version!;

    /// <summary>Registers the instrumentation and the app's <see cref="IMeterFactory"/> (a host registers one already).</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<DodoInstrumentation>();
    }

    /// <summary>True when a listener reads the inbox counts, which a replay then has to look the event's state up for.</summary>
    public bool TracksInbox => _backlog.Enabled || _dead.Enabled;

    /// <summary>Starts the span of a webhook delivery or inbox attempt; null when nobody listens.</summary>
    public static Activity? StartWebhook(string? webhookId = null, string? eventType = null)
    {
        var activity = ActivitySource.StartActivity(WebhookSpan, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookId, webhookId);
            activity.SetTag(EventType, eventType);
        }

        return activity;
    }

    /// <summary>Counts a delivery the webhook processor answered and ends its span; returns <paramref name="outcome"/>.</summary>
    public DodoWebhookOutcome Delivered(DodoWebhookOutcome outcome, Activity? activity)
    {
        if (_deliveries.Enabled)
        {
            var tags = new TagList { { WebhookOutcome, OutcomeValue(outcome.Kind) } };
            AddIfSet(ref tags, WebhookReason, ReasonValue(outcome.Reason));
            AddIfSet(ref tags, EventType, EventTypeValue(outcome.EventType));
            _deliveries.Add(1, tags);
        }

        if (outcome.Kind == DodoWebhookOutcomeKind.Accepted)
        {
            AddToInbox(_backlog, 1, outcome.EventType);
        }

        return Ended(outcome, activity);
    }

    /// <summary>Counts a delivery refused because its body is larger than the limit (answered 413, before any check).</summary>
    public void BodyTooLarge()
    {
        if (_deliveries.Enabled)
        {
            _deliveries.Add(1, new TagList { { WebhookOutcome, OutcomeValue(DodoWebhookOutcomeKind.Rejected) }, { WebhookReason, "body_too_large" } });
        }
    }

    /// <summary>Tags the span of a processed event with what became of it; returns <paramref name="outcome"/>.</summary>
    public static DodoWebhookOutcome Ended(DodoWebhookOutcome outcome, Activity? activity)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookId, outcome.WebhookId);
            activity.SetTag(EventType, outcome.EventType);
            activity.SetTag(WebhookOutcome, OutcomeValue(outcome.Kind));
            activity.SetTag(WebhookReason, ReasonValue(outcome.Reason));
            if (outcome.Exception is { } exception)
            {
                Failed(activity, exception);
            }
        }

        return outcome;
    }

    /// <summary>Records how long the handlers of an event took in one attempt, and how they ended.</summary>
    public void HandlersRan(string eventType, WebhookRunResult run, TimeSpan elapsed)
    {
        if (_handlerDuration.Enabled)
        {
            _handlerDuration.Record(elapsed.TotalSeconds, new TagList { { EventType, EventTypeValue(eventType) }, { WebhookOutcome, RunValue(run) } });
        }
    }

    /// <summary>Counts an attempt of the inbox processor, moves the inbox counts, and ends its span.</summary>
    public void InboxAttempted(Activity? activity, string eventType, DodoInboxAttemptOutcome outcome, Exception? exception = null)
    {
        if (outcome is DodoInboxAttemptOutcome.Processed or DodoInboxAttemptOutcome.Dead)
        {
            AddToInbox(_backlog, -1, eventType);
        }

        if (outcome == DodoInboxAttemptOutcome.Dead)
        {
            AddToInbox(_dead, 1, eventType);
        }

        // Last, so a reader that saw the attempt sees the counts it moved.
        if (_inboxAttempts.Enabled)
        {
            _inboxAttempts.Add(1, new TagList { { WebhookOutcome, InboxValue(outcome) }, { EventType, EventTypeValue(eventType) } });
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookOutcome, InboxValue(outcome));
            if (exception is not null)
            {
                Failed(activity, exception);
            }
        }
    }

    /// <summary>Moves the inbox counts for an event put back to pending, given its state before (null: unknown or not looked up).</summary>
    public void Replayed(DodoWebhookInboxEntry? before)
    {
        switch (before?.State)
        {
            case DodoWebhookInboxState.Dead:
                AddToInbox(_dead, -1, before.Type);
                AddToInbox(_backlog, 1, before.Type);
                break;
            case DodoWebhookInboxState.Processed:
                AddToInbox(_backlog, 1, before.Type);
                break;
        }
    }

    /// <summary>Starts the measurement and span of one Dodo API call; null when nobody listens.</summary>
    /// <param name="operation">The API client's operation, as in its logs (<c>POST /checkouts</c>).</param>
    public DodoApiCallScope? StartApiCall(string operation)
    {
        var name = OperationValue(operation);
        var activity = ActivitySource.StartActivity(name, ActivityKind.Client);
        if (activity is null && !_apiCalls.Enabled && !_apiDuration.Enabled)
        {
            return null;
        }

        activity?.SetTag(Operation, name);
        return new DodoApiCallScope(this, name, activity, _timeProvider.GetTimestamp());
    }

    /// <summary>Records one Dodo API call that ended; <paramref name="errorType"/> is null when it succeeded.</summary>
    internal void ApiCallEnded(string operation, int? statusCode, string? errorType, long started)
    {
        var tags = new TagList { { Operation, operation } };
        if (statusCode is { } status)
        {
            tags.Add(StatusCode, status);
        }

        AddIfSet(ref tags, ErrorType, errorType);
        if (_apiCalls.Enabled)
        {
            _apiCalls.Add(1, tags);
        }

        if (_apiDuration.Enabled)
        {
            _apiDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>Counts a request a checkout, customer portal or plan change endpoint answered with <paramref name="answer"/>.</summary>
    /// <param name="endpoint">The endpoint's log name (<c>checkout session</c>).</param>
    /// <param name="answer">The answer, before it is written.</param>
    public void EndpointAnswered(string endpoint, IResult answer)
    {
        if (!_endpointRequests.Enabled)
        {
            return;
        }

        var status = answer switch
        {
            IStatusCodeHttpResult { StatusCode: { } code } => code,
            RedirectHttpResult { Permanent: true } => StatusCodes.Status301MovedPermanently,
            RedirectHttpResult => StatusCodes.Status302Found,
            _ => StatusCodes.Status200OK,
        };
        _endpointRequests.Add(1, new TagList { { EndpointName, EndpointValue(endpoint) }, { EndpointOutcome, EndpointOutcomeValue(status) }, { StatusCode, status } });
    }

    /// <summary>Marks a span as failed with <paramref name="exception"/>.</summary>
    internal static void Failed(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.AddException(exception);
    }

    /// <summary>Moves an inbox count for an event of <paramref name="eventType"/> (as received; bounded here).</summary>
    private static void AddToInbox(UpDownCounter<long> counter, long delta, string? eventType)
    {
        if (counter.Enabled)
        {
            counter.Add(delta, new KeyValuePair<string, object?>(EventType, EventTypeValue(eventType) ?? UnknownEventType));
        }
    }

    private static void AddIfSet(ref TagList tags, string name, string? value)
    {
        if (value is not null)
        {
            tags.Add(name, value);
        }
    }
}
