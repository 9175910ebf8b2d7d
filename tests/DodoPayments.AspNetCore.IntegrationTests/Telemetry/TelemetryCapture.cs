using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Telemetry;

/// <summary>Reads the package's instruments through the app's own <see cref="IMeterFactory"/>, as a user's test would.</summary>
internal static class Metrics
{
    public static MetricCollector<T> Collect<T>(DodoTestApp app, string instrument)
        where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), DodoPaymentsTelemetry.MeterName, instrument);

    /// <summary>The value of a tag of a measurement, or null when the measurement does not carry it.</summary>
    public static object? Tag<T>(this CollectedMeasurement<T> measurement, string name)
        where T : struct =>
        measurement.Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Every measurement of every instrument of the package's meter in one app (that app's meter only).</summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeterRecorder(DodoTestApp app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DodoPaymentsTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Instrument, KeyValuePair<string, object?>[] Tags)> Measurements { get; } = new();

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue((instrument.Name, tags.ToArray()));
}

/// <summary>The spans of the package's <see cref="ActivitySource"/> once they stop (every app in the process: filter them).</summary>
internal sealed class SpanCapture : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Done)> _waits = [];

    public SpanCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DodoPaymentsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IEnumerable<Activity> Spans => _stopped;

    /// <summary>The spans of one webhook, by its <c>webhook-id</c>.</summary>
    public Activity[] OfWebhook(string webhookId) =>
        [.. _stopped.Where(span => (string?)span.GetTagItem("dodo.webhook.id") == webhookId)];

    /// <summary>Completes with the first stopped span that matches, already stopped or not yet.</summary>
    public Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        var done = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waits)
        {
            if (_stopped.FirstOrDefault(match) is { } span)
            {
                done.SetResult(span);
            }
            else
            {
                _waits.Add((match, done));
            }
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        lock (_waits)
        {
            _stopped.Enqueue(activity);
            foreach (var (match, done) in _waits.Where(wait => wait.Match(activity)).ToList())
            {
                done.TrySetResult(activity);
                _waits.RemoveAll(wait => wait.Done == done);
            }
        }
    }
}
