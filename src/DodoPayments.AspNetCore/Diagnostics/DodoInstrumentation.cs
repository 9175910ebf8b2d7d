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
/// The inbox gauges <c>dodo.webhook.inbox.backlog</c> and <c>dodo.webhook.inbox.dead</c> report the store's totals
/// (<see cref="IWebhookInboxStore.CountAsync"/> of pending and dead events), so they are right after a restart and the
/// same on every instance: a dashboard takes their max or last value, never their sum. Their callbacks only read the
/// last count; the inbox processor counts on its own cycle (<see cref="CountInboxAsync"/>), only while a gauge is read
/// and at most once per <see cref="InboxCountInterval"/>, each count capped at <see cref="InboxCountLimit"/>. They
/// carry no event type (a count has none) and report nothing until the first count.
/// </remarks>
internal sealed class DodoInstrumentation
{
    /// <summary>The spans: one per Dodo API call, one per webhook delivery and per inbox attempt.</summary>
    public static readonly ActivitySource ActivitySource = new(DodoPaymentsTelemetry.ActivitySourceName, Version);

    /// <summary>The name of the span of a webhook delivery, a stored event run again, or an inbox attempt.</summary>
    public const string WebhookSpan = "dodo.webhook.process";

    /// <summary>The shortest time between two counts of the inbox for its gauges.</summary>
    public static readonly TimeSpan InboxCountInterval = TimeSpan.FromSeconds(15);

    /// <summary>The most events one gauge count goes to: a larger backlog reads this number, and the count stays bounded.</summary>
    public const int InboxCountLimit = 100_000;

    /// <summary>Bucket boundaries (seconds) fit for handlers and API calls: 5 ms to 5 min.</summary>
    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 300],
    };

    private readonly TimeProvider _timeProvider;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;
    private readonly InboxGauge _backlog;
    private readonly InboxGauge _dead;
    private readonly Counter<long> _inboxAttempts;
    private readonly Counter<long> _apiCalls;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _endpointRequests;

    /// <summary>When the inbox was last counted (a <see cref="TimeProvider"/> timestamp); null before the first count.</summary>
    private long? _inboxCountedAt;

    public DodoInstrumentation(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        var meter = meterFactory.Create(new MeterOptions(DodoPaymentsTelemetry.MeterName) { Version = Version });
        _deliveries = meter.CreateCounter<long>(
            "dodo.webhook.deliveries", "{delivery}", "Webhook deliveries received, by outcome (and reason when refused) and event type.");
        _handlerDuration = meter.CreateHistogram(
            "dodo.webhook.handler.duration", "s", "Time the handlers of one event took in one attempt (inline or inbox), by event type and outcome.", tags: null, DurationAdvice);
        _backlog = new InboxGauge(
            meter, DodoWebhookInboxState.Pending, "dodo.webhook.inbox.backlog", "Inbox events pending in the webhook store (all instances), as last counted by the inbox processor.");
        _dead = new InboxGauge(
            meter, DodoWebhookInboxState.Dead, "dodo.webhook.inbox.dead", "Inbox events dead in the webhook store (all instances), as last counted by the inbox processor.");
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

    /// <summary>Counts an attempt of the inbox processor and ends its span.</summary>
    public void InboxAttempted(Activity? activity, string eventType, DodoInboxAttemptOutcome outcome, Exception? exception = null)
    {
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

    /// <summary>
    /// Counts the pending and dead events in <paramref name="inbox"/> for the gauges that are read, when
    /// <see cref="InboxCountInterval"/> has passed since the last count; the inbox processor calls it on each cycle. A
    /// gauge nobody reads forgets its count. When a count fails, both gauges report nothing until the next one.
    /// </summary>
    public async ValueTask CountInboxAsync(IWebhookInboxStore inbox, CancellationToken cancellationToken)
    {
        var backlog = _backlog.Enabled;
        var dead = _dead.Enabled;
        if (!backlog)
        {
            _backlog.Forget();
        }

        if (!dead)
        {
            _dead.Forget();
        }

        if (!(backlog || dead) || (_inboxCountedAt is { } countedAt && _timeProvider.GetElapsedTime(countedAt) < InboxCountInterval))
        {
            return;
        }

        // Set first, so a failing count is not tried again before the interval either.
        _inboxCountedAt = _timeProvider.GetTimestamp();
        try
        {
            if (backlog)
            {
                await _backlog.CountAsync(inbox, cancellationToken).ConfigureAwait(false);
            }

            if (dead)
            {
                await _dead.CountAsync(inbox, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _backlog.Forget();
            _dead.Forget();
            throw;
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

    private static void AddIfSet(ref TagList tags, string name, string? value)
    {
        if (value is not null)
        {
            tags.Add(name, value);
        }
    }

    /// <summary>An inbox gauge: the last count of one state, read by its callback without any call to the store.</summary>
    private sealed class InboxGauge
    {
        private const long None = -1;
        private readonly DodoWebhookInboxState _state;
        private readonly ObservableGauge<long> _instrument;
        private long _count = None;

        public InboxGauge(Meter meter, DodoWebhookInboxState state, string name, string description)
        {
            _state = state;
            _instrument = meter.CreateObservableGauge(name, Observe, "{event}", description);
        }

        /// <summary>True when a listener reads the gauge.</summary>
        public bool Enabled => _instrument.Enabled;

        /// <summary>Counts the events in the gauge's state, up to <see cref="InboxCountLimit"/>, and keeps the number.</summary>
        public async ValueTask CountAsync(IWebhookInboxStore inbox, CancellationToken cancellationToken)
        {
            long count = await inbox.CountAsync(_state, InboxCountLimit, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _count, count);
        }

        /// <summary>Drops the last count: the gauge reports nothing until the next one.</summary>
        public void Forget() => Interlocked.Exchange(ref _count, None);

        /// <summary>The gauge's callback: the last count, or nothing before the first one.</summary>
        private IEnumerable<Measurement<long>> Observe()
        {
            var count = Interlocked.Read(ref _count);
            return count == None ? [] : [new Measurement<long>(count)];
        }
    }
}
