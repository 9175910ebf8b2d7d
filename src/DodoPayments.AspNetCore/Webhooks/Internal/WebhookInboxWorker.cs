using DodoPayments.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The background processor of <c>UseWebhookInbox()</c>: claims due inbox events one at a time
/// (<see cref="IWebhookInboxStore.ClaimNextAsync"/>, atomic across instances) and runs their handlers through
/// <see cref="DodoWebhookProcessor"/> (a scope per handler, lease renewed, completed handlers skipped); on success it
/// completes the claim, on failure it schedules the next attempt with exponential backoff, or marks the event dead.
/// </summary>
/// <remarks>
/// It wakes at once when this process stores or replays an event, else when the next event falls due, and at least
/// every <see cref="PollInterval"/> (other instances add events too). Each cycle, before it claims an event, it counts
/// the inbox for the gauges <c>dodo.webhook.inbox.backlog</c> and <c>.dead</c> when they are due
/// (<see cref="DodoInstrumentation.CountInboxAsync"/>); a failing count is logged and does not stop the processing. On shutdown it claims nothing more and lets the
/// running handlers finish within the host's shutdown timeout; cancelled by it, the event is left pending.
/// </remarks>
internal sealed class WebhookInboxWorker(
    DodoWebhookProcessor processor,
    IServiceScopeFactory scopes,
    IOptionsMonitor<DodoPaymentsOptions> options,
    TimeProvider timeProvider,
    WebhookInboxSignal signal,
    DodoInstrumentation instrumentation,
    ILogger<WebhookInboxWorker> logger) : BackgroundService
{
    /// <summary>The longest the processor sleeps without looking for due events.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of an event.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private const string StartRefused = "UseWebhookInbox() needs a durable webhook store, e.g. AddEntityFrameworkWebhookStore<TContext>()";

    /// <summary>Cancelled when the host's shutdown timeout has passed: the handlers still running are cancelled then.</summary>
    private readonly CancellationTokenSource _abort = new();

    private volatile TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _abortRegistration;

    /// <summary>
    /// Completes when the processor has nothing due and sleeps with its timer set, so a test can then move the clock. It
    /// is reset on the thread that wakes the processor, before the processor resumes.
    /// </summary>
    internal Task WhenIdleAsync() => _idle.Task;

    private void MarkIdle() => _idle.TrySetResult();

    private void MarkBusy()
    {
        if (_idle.Task.IsCompleted)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>When attempt <paramref name="attempt"/> (the first being 1) failed at <paramref name="failedAt"/>, the next one is due.</summary>
    public static DateTimeOffset NextAttemptAt(DateTimeOffset failedAt, int attempt, TimeSpan firstRetryDelay)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 62));
        var ticks = Math.Min(firstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks);
        return failedAt + TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The error recorded for a failed attempt: the exception's type and message, never its stack trace.</summary>
    public static string Describe(Exception exception) => $"{exception.GetType().FullName}: {exception.Message}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<IWebhookInboxStore>() is null)
            {
                throw new InvalidOperationException($"{StartRefused}: no IWebhookInboxStore is registered.");
            }

            if (scope.ServiceProvider.GetService<IWebhookIdempotencyStore>() is InMemoryWebhookIdempotencyStore)
            {
                throw new InvalidOperationException(
                    $"{StartRefused}: the webhook idempotency store is the in-memory one (InMemoryWebhookIdempotencyStore), lost at restart and not shared between instances.");
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Kept until disposal: BackgroundService returns as soon as the token is cancelled, and a registration disposed
        // then would never cancel the handlers still running.
        _abortRegistration.Dispose();
        _abortRegistration = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _abort);
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _abortRegistration.Dispose();
        _abort.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await RunDueEventsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.InboxStoreFailed(exception);
                sleep = PollInterval;
            }

            try
            {
                await signal.WaitAsync(sleep, timeProvider, MarkIdle, MarkBusy, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Runs due events until none is; returns how long to sleep then.</summary>
    private async Task<TimeSpan> RunDueEventsAsync(CancellationToken stoppingToken)
    {
        var lookedAgain = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue.Webhooks;
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var inbox = scope.ServiceProvider.GetRequiredService<IWebhookInboxStore>();
                await CountInboxAsync(inbox, stoppingToken).ConfigureAwait(false);
                var lease = await inbox.ClaimNextAsync(settings.ClaimLease, stoppingToken).ConfigureAwait(false);
                if (lease is null)
                {
                    var next = await inbox.GetNextDueAsync(stoppingToken).ConfigureAwait(false);
                    var untilDue = next - timeProvider.GetUtcNow();
                    if (untilDue <= TimeSpan.Zero && !lookedAgain)
                    {
                        // Fell due since the claim was tried: try once more rather than sleep a poll.
                        lookedAgain = true;
                        continue;
                    }

                    // Nothing due soon, or due yet not claimable (another instance holds it): look again after a poll.
                    return untilDue is { } wait && wait > TimeSpan.Zero && wait < PollInterval ? wait : PollInterval;
                }

                lookedAgain = false;
                await RunAsync(scope.ServiceProvider, inbox, lease, settings).ConfigureAwait(false);
            }
        }

        return PollInterval;
    }

    /// <summary>Counts the inbox for its gauges when they are due; a failure is logged and the cycle goes on.</summary>
    private async Task CountInboxAsync(IWebhookInboxStore inbox, CancellationToken stoppingToken)
    {
        try
        {
            await instrumentation.CountInboxAsync(inbox, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.InboxStoreFailed(exception);
        }
    }

    private async Task RunAsync(IServiceProvider services, IWebhookInboxStore inbox, WebhookInboxLease lease, DodoWebhookOptions settings)
    {
        var (claim, message, attempt) = lease;
        using var logScope = logger.BeginScope(new WebhookLogScope(message.WebhookId, message.Type));
        using var activity = DodoInstrumentation.StartWebhook(message.WebhookId, message.Type);
        var read = WebhookEventReader.Read(message.Body, message.WebhookId, message.Timestamp);
        if (read.Failure != WebhookReadFailure.None)
        {
            // It was read when it was stored, so it will not read better later: dead at once.
            await inbox.FailAsync(claim, $"The stored event cannot be read: {read.Failure}.", null, CancellationToken.None).ConfigureAwait(false);
            logger.InboxDead(null, message.WebhookId, message.Type, attempt);
            instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.Dead);
            return;
        }

        var webhookEvent = read.Event!;
        var store = services.GetRequiredService<IWebhookIdempotencyStore>();
        var run = await processor.RunHandlersAsync(read.Descriptor!, webhookEvent, store, claim, settings, _abort.Token, CancellationToken.None).ConfigureAwait(false);
        switch (run.Status)
        {
            case WebhookRunStatus.Completed:
                if (await store.CompleteAsync(claim, settings.IdempotencyRetention, CancellationToken.None).ConfigureAwait(false))
                {
                    logger.InboxProcessed(message.WebhookId, message.Type, run.HandlersRun, attempt);
                    instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.Processed);
                }
                else
                {
                    logger.InboxClaimLost(message.WebhookId, message.Type);
                    instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.ClaimLost);
                }

                return;
            case WebhookRunStatus.ClaimLost:
                logger.InboxClaimLost(message.WebhookId, message.Type);
                instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.ClaimLost);
                return;
        }

        var exception = run.Exception!;
        var now = timeProvider.GetUtcNow();
        if (_abort.IsCancellationRequested && run.Cancelled)
        {
            await inbox.FailAsync(claim, Describe(exception), now, CancellationToken.None).ConfigureAwait(false);
            logger.InboxLeftPending(message.WebhookId, message.Type);
            instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.LeftPending, exception);
            return;
        }

        var maxAttempts = settings.Inbox.MaxAttempts;
        DateTimeOffset? retryAt = attempt >= maxAttempts ? null : NextAttemptAt(now, attempt, settings.Inbox.FirstRetryDelay);
        if (!await inbox.FailAsync(claim, Describe(exception), retryAt, CancellationToken.None).ConfigureAwait(false))
        {
            logger.InboxClaimLost(message.WebhookId, message.Type);
            instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.ClaimLost, exception);
        }
        else if (retryAt is { } at)
        {
            logger.InboxRetry(exception, run.HandlerKey!, message.WebhookId, message.Type, attempt, maxAttempts, at);
            instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.Retry, exception);
        }
        else
        {
            logger.InboxDead(exception, message.WebhookId, message.Type, attempt);
            instrumentation.InboxAttempted(activity, message.Type, DodoInboxAttemptOutcome.Dead, exception);
        }
    }
}
