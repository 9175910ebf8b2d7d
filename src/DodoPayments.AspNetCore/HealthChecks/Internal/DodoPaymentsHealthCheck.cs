using System.Globalization;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.HealthChecks.Internal;

/// <summary>
/// The check <c>AddHealthChecks().AddDodoPayments()</c> registers. It reports, worst first:
/// the configuration as it reads now (built and validated again by the options pipeline, so a rejected reload shows
/// even though the last valid options stay in force), the webhook store (<see cref="IWebhookIdempotencyStore.PingAsync"/>
/// within <see cref="DodoPaymentsHealthCheckOptions.StoreTimeout"/>), and in inbox mode the pending and dead events,
/// counted up to the Unhealthy threshold + 1. The description names configuration keys and exception types, never a
/// value; the data holds the two bounded counts only.
/// </summary>
internal sealed class DodoPaymentsHealthCheck(
    string name,
    IOptionsFactory<DodoPaymentsOptions> configuration,
    IOptionsMonitor<DodoPaymentsHealthCheckOptions> settings,
    IWebhookIdempotencyStore store,
    IWebhookInboxStore? inbox,
    TimeProvider clock) : IHealthCheck
{
    /// <summary>The data key of the pending inbox events (waiting, retrying or running), counted up to the Unhealthy threshold + 1.</summary>
    public const string InboxBacklogKey = "inbox_backlog";

    /// <summary>The data key of the dead inbox events, counted up to the Unhealthy threshold + 1.</summary>
    public const string InboxDeadKey = "inbox_dead";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = settings.Get(name);
        var report = new Report(context.Registration.FailureStatus);
        CheckConfiguration(report);
        await CheckStoreAsync(report, options, cancellationToken).ConfigureAwait(false);
        return report.ToResult();
    }

    private void CheckConfiguration(Report report)
    {
        try
        {
            _ = configuration.Create(Options.DefaultName);
            report.Fine("configuration valid");
        }
        catch (OptionsValidationException exception)
        {
            // The validator's messages name the key and what is expected, never a secret's value.
            report.Fail($"The Dodo Payments configuration is invalid: {string.Join(" ", exception.Failures)}");
        }
    }

    private async Task CheckStoreAsync(Report report, DodoPaymentsHealthCheckOptions options, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.StoreTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        try
        {
            // WaitAsync as well as the token: a store that ignores its token still cannot hold the check past the timeout.
            await store.PingAsync(token).AsTask().WaitAsync(token).ConfigureAwait(false);
            report.Fine("webhook store reachable");
            if (inbox is null)
            {
                return;
            }

            var backlog = await CountAsync(DodoWebhookInboxState.Pending, options.InboxBacklogUnhealthyThreshold, token).ConfigureAwait(false);
            var dead = await CountAsync(DodoWebhookInboxState.Dead, options.DeadEventsUnhealthyThreshold, token).ConfigureAwait(false);
            report.Data[InboxBacklogKey] = backlog;
            report.Data[InboxDeadKey] = dead;
            report.Count("pending inbox events", backlog, options.InboxBacklogDegradedThreshold, options.InboxBacklogUnhealthyThreshold);
            report.Count("dead inbox events", dead, options.DeadEventsDegradedThreshold, options.DeadEventsUnhealthyThreshold);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            report.Fail($"The webhook store did not answer within {options.StoreTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a database's message can name hosts, users or files; the exception itself goes with the result.
            report.Fail($"The webhook store cannot be reached: {exception.GetType().Name}.", exception);
        }
    }

    private Task<int> CountAsync(DodoWebhookInboxState state, int unhealthyThreshold, CancellationToken token) =>
        inbox!.CountAsync(state, unhealthyThreshold + 1, token).AsTask().WaitAsync(token);

    /// <summary>The result being built: the worst status so far, what is fine, what is not, and the counts.</summary>
    private sealed class Report(HealthStatus failureStatus)
    {
        private readonly List<string> _fine = [];
        private readonly List<string> _problems = [];
        private HealthStatus _status = HealthStatus.Healthy;
        private Exception? _exception;

        public Dictionary<string, object> Data { get; } = new(StringComparer.Ordinal);

        public void Fine(string what) => _fine.Add(what);

        public void Fail(string problem, Exception? exception = null)
        {
            Worsen(failureStatus);
            _problems.Add(problem);
            _exception ??= exception;
        }

        /// <summary>A bounded count against its thresholds: above Unhealthy fails, above Degraded degrades.</summary>
        public void Count(string what, int count, int degradedThreshold, int unhealthyThreshold)
        {
            if (count > unhealthyThreshold)
            {
                Worsen(failureStatus);
                _problems.Add($"Too many {what}: more than {unhealthyThreshold} (the Unhealthy threshold).");
            }
            else if (count > degradedThreshold)
            {
                Worsen(HealthStatus.Degraded);
                _problems.Add($"Too many {what}: {count}, more than {degradedThreshold} (the Degraded threshold).");
            }
            else
            {
                _fine.Add($"{what}: {count}");
            }
        }

        public HealthCheckResult ToResult()
        {
            var description = _problems.Count == 0
                ? $"Dodo Payments: {string.Join(", ", _fine)}."
                : string.Join(" ", _problems);
            return new HealthCheckResult(_status, description, _exception, Data);
        }

        /// <summary><see cref="HealthStatus"/> orders Unhealthy (0) below Degraded below Healthy.</summary>
        private void Worsen(HealthStatus status) => _status = status < _status ? status : _status;
    }
}
