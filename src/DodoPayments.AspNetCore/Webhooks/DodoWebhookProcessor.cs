using DodoPayments.AspNetCore.Diagnostics;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// The webhook pipeline without HTTP: verify the Standard Webhooks signature over the raw bytes → read the event →
/// claim its <c>webhook-id</c> → run its handlers, each in its own DI scope → record it. The webhook endpoint
/// (<c>MapDodoWebhooks</c>) is this processor plus a status code; a queue consumer, a test or a replay tool calls it
/// directly. Registered as a singleton by <c>AddDodoPayments</c>.
/// </summary>
/// <remarks>
/// <para>
/// A claimed event keeps its claim while its handlers run (the lease, <c>DodoPayments:Webhooks:ClaimLease</c>, is
/// renewed every third of it); if the store answers that the claim was lost, the handlers' token is cancelled and the
/// event is not completed here. Handlers that completed in an earlier attempt are skipped. The first handler that
/// throws stops the run and releases the claim, so the next delivery runs the handlers that did not complete.
/// </para>
/// <para>
/// The handlers' <see cref="CancellationToken"/> is cancelled when the app stops, when
/// <c>DodoPayments:Webhooks:HandlerTimeout</c> passes, or when the token given to <c>ProcessAsync</c> is cancelled; the
/// webhook endpoint gives none, so a handler is never cancelled because Dodo hung up.
/// </para>
/// <para>
/// With <c>UseWebhookInbox()</c>, <see cref="ProcessAsync(ReadOnlyMemory{byte}, string?, string?, string?, CancellationToken)"/>
/// stores the verified event in the inbox (<see cref="DodoWebhookOutcomeKind.Accepted"/>) and the background processor
/// runs its handlers.
/// </para>
/// </remarks>
/// <example>
/// A consumer of a queue holding raw deliveries:
/// <code>
/// var outcome = await processor.ProcessAsync(message.Body, message.Headers["webhook-id"],
///     message.Headers["webhook-timestamp"], message.Headers["webhook-signature"], stoppingToken);
/// if (outcome.IsSuccess || outcome.Kind is DodoWebhookOutcomeKind.Rejected or DodoWebhookOutcomeKind.Invalid)
///     await queue.AcknowledgeAsync(message);      // done, or never going to work
/// </code>
/// </example>
public sealed class DodoWebhookProcessor
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptionsMonitor<DodoPaymentsOptions> _options;
    private readonly WebhookKeyRing _keyRing;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookInboxSignal _inboxSignal;
    private readonly ILogger _logger;
    private readonly DodoInstrumentation _instrumentation;
    private readonly CancellationToken _applicationStopping;
    private readonly bool _inboxMode;

    internal DodoWebhookProcessor(
        IServiceProvider services,
        IOptionsMonitor<DodoPaymentsOptions> options,
        WebhookKeyRing keyRing,
        TimeProvider timeProvider,
        WebhookInboxSignal inboxSignal,
        ILogger<DodoWebhookProcessor> logger)
    {
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _options = options;
        _keyRing = keyRing;
        _timeProvider = timeProvider;
        _inboxSignal = inboxSignal;
        _logger = logger;
        _instrumentation = services.GetRequiredService<DodoInstrumentation>();
        _applicationStopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        _inboxMode = services.GetService<WebhookInboxMode>() is not null;
    }

    /// <summary>
    /// Processes one delivery as received: verifies its signature over exactly <paramref name="body"/> with
    /// <c>DodoPayments:WebhookKey</c> (and <c>WebhookKeys</c>), reads the event, then runs its handlers once per
    /// <c>webhook-id</c> (inbox mode: stores it in the inbox).
    /// </summary>
    /// <param name="body">The raw body, byte for byte as sent. It is not kept after the call returns.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header (Unix seconds).</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header (space-separated <c>v1,&lt;base64&gt;</c> entries).</param>
    /// <param name="cancellationToken">Cancels the processing, the handlers' token included.</param>
    /// <returns>What became of the delivery.</returns>
    public async ValueTask<DodoWebhookOutcome> ProcessAsync(
        ReadOnlyMemory<byte> body,
        string? webhookId,
        string? webhookTimestamp,
        string? webhookSignature,
        CancellationToken cancellationToken = default)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await ProcessAsync(scope.ServiceProvider, body, webhookId, webhookTimestamp, webhookSignature, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the handlers of an event received and verified earlier (an inbox entry, a message a queue kept), once per
    /// <c>webhook-id</c>, whatever the mode: no signature check, as the event was verified when it was stored.
    /// </summary>
    /// <param name="message">The stored event: its id, raw body and verified timestamp.</param>
    /// <param name="cancellationToken">Cancels the processing, the handlers' token included.</param>
    /// <returns>What became of the event: never <see cref="DodoWebhookOutcomeKind.Rejected"/> or <see cref="DodoWebhookOutcomeKind.Accepted"/>.</returns>
    public async ValueTask<DodoWebhookOutcome> ProcessAsync(WebhookInboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.WebhookId);
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            using var activity = DodoInstrumentation.StartWebhook(message.WebhookId, message.Type);
            var read = WebhookEventReader.Read(message.Body, message.WebhookId, message.Timestamp);
            return DodoInstrumentation.Ended(await RunInlineAsync(scope.ServiceProvider, read, message.WebhookId, _options.CurrentValue.Webhooks, cancellationToken).ConfigureAwait(false), activity);
        }
    }

    /// <summary>The pipeline with the caller's DI scope (the request's, for the endpoint).</summary>
    internal async ValueTask<DodoWebhookOutcome> ProcessAsync(
        IServiceProvider services,
        ReadOnlyMemory<byte> body,
        string? webhookId,
        string? webhookTimestamp,
        string? webhookSignature,
        CancellationToken cancellationToken)
    {
        using var activity = DodoInstrumentation.StartWebhook();
        var current = _options.CurrentValue;
        var settings = current.Webhooks;
        var verification = WebhookSignatureVerifier.Verify(
            body.Span, webhookId, webhookTimestamp, webhookSignature, _keyRing.GetKeys(current), _timeProvider.GetUtcNow(), settings.TimestampTolerance, out var sentAt);
        if (verification != WebhookVerificationResult.Verified)
        {
            if (verification == WebhookVerificationResult.NoKeys)
            {
                _logger.NoKeys();
            }
            else
            {
                _logger.SignatureRejected(verification);
            }

            return _instrumentation.Delivered(DodoWebhookOutcome.Rejected(verification.ToString()), activity);
        }

        var read = WebhookEventReader.Read(body, webhookId!, sentAt);
        return _instrumentation.Delivered(
            _inboxMode
                ? await AddToInboxAsync(services, read, webhookId!, body, sentAt, cancellationToken).ConfigureAwait(false)
                : await RunInlineAsync(services, read, webhookId!, settings, cancellationToken).ConfigureAwait(false),
            activity);
    }

    /// <summary>
    /// Runs the handlers of a claimed event, each in its own DI scope, skipping those that completed in an earlier
    /// attempt, while the claim's lease is renewed. The caller completes, releases or fails the claim after it.
    /// </summary>
    /// <param name="descriptor">The event's descriptor.</param>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="store">The store holding <paramref name="claim"/>.</param>
    /// <param name="claim">A claim the caller holds.</param>
    /// <param name="settings">The webhook options read for this event.</param>
    /// <param name="stopping">Cancels the handlers when the app (or the inbox processor) stops.</param>
    /// <param name="cancellationToken">The caller's token; it cancels the handlers too.</param>
    /// <remarks>Records the handlers' duration (<c>dodo.webhook.handler.duration</c>) for the inline and inbox paths alike.</remarks>
    internal async Task<WebhookRunResult> RunHandlersAsync(
        WebhookEventDescriptor descriptor,
        WebhookEvent webhookEvent,
        IWebhookIdempotencyStore store,
        WebhookClaim claim,
        DodoWebhookOptions settings,
        CancellationToken stopping,
        CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var run = await RunClaimedHandlersAsync(descriptor, webhookEvent, store, claim, settings, stopping, cancellationToken).ConfigureAwait(false);
        _instrumentation.HandlersRan(webhookEvent.Type, run, _timeProvider.GetElapsedTime(started));
        return run;
    }

    private async Task<WebhookRunResult> RunClaimedHandlersAsync(
        WebhookEventDescriptor descriptor,
        WebhookEvent webhookEvent,
        IWebhookIdempotencyStore store,
        WebhookClaim claim,
        DodoWebhookOptions settings,
        CancellationToken stopping,
        CancellationToken cancellationToken)
    {
        // The handlers are resolved once to learn them, in the scope the first of them to run then runs in (each still
        // runs in a scope of its own): one scope and one round of resolutions fewer per delivery.
        AsyncServiceScope? firstScope = _scopes.CreateAsyncScope();
        try
        {
            List<WebhookHandlerSlot> slots;
            try
            {
                slots = WebhookHandlerPlan.Discover(descriptor, webhookEvent, firstScope.Value.ServiceProvider);
            }
            catch (Exception exception)
            {
                return new WebhookRunResult(WebhookRunStatus.Failed, 0, exception, "(resolving handlers)");
            }

            if (!AnyToRun(slots, claim))
            {
                return new WebhookRunResult(WebhookRunStatus.Completed, 0);
            }

            // Never the request's abort token: Dodo hangs up after 15 s, and a handler that honours its token must finish.
            using var handlerToken = new CancellationTokenSource();
            using var onStopping = stopping.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), handlerToken);
            using var onCancelled = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), handlerToken);
            // The renewer's one timer also cancels the handlers when HandlerTimeout passes. It starts before the first
            // handler: one that blocks its thread for longer than the lease before returning must still keep the claim,
            // or another instance would run the event again.
            var renewer = new WebhookLeaseRenewer(store, claim, settings.ClaimLease, _timeProvider, handlerToken, LimitTimeout(settings.HandlerTimeout), _logger);
            var ran = 0;
            WebhookRunResult result;
            try
            {
                result = new WebhookRunResult(WebhookRunStatus.Completed, 0);
                foreach (var slot in slots)
                {
                    if (claim.CompletedHandlers.Contains(slot.Key))
                    {
                        continue;
                    }

                    try
                    {
                        var scope = firstScope ?? _scopes.CreateAsyncScope();
                        firstScope = null;
                        await RunHandlerAsync(scope, slot, webhookEvent, store, claim, settings, handlerToken.Token).ConfigureAwait(false);
                        ran++;
                    }
                    catch (Exception exception)
                    {
                        var status = exception is WebhookClaimLostException ? WebhookRunStatus.ClaimLost : WebhookRunStatus.Failed;
                        result = new WebhookRunResult(status, ran, exception, slot.Key);
                        break;
                    }
                }
            }
            finally
            {
                await renewer.DisposeAsync().ConfigureAwait(false);
            }

            if (renewer.Lost)
            {
                return new WebhookRunResult(WebhookRunStatus.ClaimLost, ran, result.Exception, result.HandlerKey);
            }

            if (result.Status == WebhookRunStatus.Failed && result.Exception is OperationCanceledException && handlerToken.IsCancellationRequested)
            {
                LogCancelled(result.HandlerKey!, webhookEvent, settings, stopping.IsCancellationRequested || cancellationToken.IsCancellationRequested);
                return result with { Cancelled = true };
            }

            return result.Status == WebhookRunStatus.Completed ? new WebhookRunResult(WebhookRunStatus.Completed, ran) : result;
        }
        finally
        {
            if (firstScope is { } unused)
            {
                await unused.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether any handler has not completed in an earlier attempt.</summary>
    private static bool AnyToRun(List<WebhookHandlerSlot> slots, WebhookClaim claim)
    {
        foreach (var slot in slots)
        {
            if (!claim.CompletedHandlers.Contains(slot.Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A timeout a timer can hold (about 49 days at most); longer ones never fire.</summary>
    private static TimeSpan LimitTimeout(TimeSpan timeout) =>
        timeout.TotalMilliseconds >= uint.MaxValue - 1 ? Timeout.InfiniteTimeSpan : timeout;

    /// <summary>Runs one handler in <paramref name="scope"/>, its own, and disposes the scope.</summary>
    private async Task RunHandlerAsync(
        AsyncServiceScope scope,
        WebhookHandlerSlot slot,
        WebhookEvent webhookEvent,
        IWebhookIdempotencyStore store,
        WebhookClaim claim,
        DodoWebhookOptions settings,
        CancellationToken cancellationToken)
    {
        await using (scope.ConfigureAwait(false))
        {
            var handler = slot.Resolve(scope.ServiceProvider);
            var completion = await store.BeginHandlerAsync(claim, slot.Key, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
            await using (completion.ConfigureAwait(false))
            {
                var started = _timeProvider.GetTimestamp();
                await slot.Source.InvokeAsync(handler, webhookEvent, cancellationToken).ConfigureAwait(false);
                var elapsed = _timeProvider.GetElapsedTime(started);
                if (elapsed > settings.SlowHandlerThreshold)
                {
                    _logger.SlowHandler(slot.Key, webhookEvent.Id, webhookEvent.Type, (long)elapsed.TotalMilliseconds, (long)settings.SlowHandlerThreshold.TotalMilliseconds);
                }

                await completion.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void LogCancelled(string handlerKey, WebhookEvent webhookEvent, DodoWebhookOptions settings, bool stopped)
    {
        if (stopped)
        {
            _logger.HandlersStopped(handlerKey, webhookEvent.Id, webhookEvent.Type);
        }
        else
        {
            _logger.HandlersTimedOut(handlerKey, webhookEvent.Id, webhookEvent.Type, (long)settings.HandlerTimeout.TotalMilliseconds);
        }
    }

    private async ValueTask<DodoWebhookOutcome> RunInlineAsync(
        IServiceProvider services,
        WebhookEventReader.Result read,
        string webhookId,
        DodoWebhookOptions settings,
        CancellationToken cancellationToken)
    {
        if (Unreadable(read, webhookId) is { } invalid)
        {
            return invalid;
        }

        var webhookEvent = read.Event!;
        using var logScope = _logger.BeginScope(new WebhookLogScope(webhookId, webhookEvent.Type));
        if (read.Descriptor is UnknownWebhookEventDescriptor)
        {
            _logger.UnknownType(webhookId, webhookEvent.Type);
        }

        IWebhookIdempotencyStore store;
        WebhookClaim claim;
        try
        {
            store = services.GetRequiredService<IWebhookIdempotencyStore>();
            claim = await store.TryClaimAsync(webhookId, settings.ClaimLease, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.StoreFailed(exception, webhookId, webhookEvent.Type);
            return DodoWebhookOutcome.Failed(webhookId, webhookEvent.Type, exception, 0);
        }

        switch (claim.Result)
        {
            case WebhookClaimResult.AlreadyProcessed:
                _logger.AlreadyProcessed(webhookId, webhookEvent.Type);
                return DodoWebhookOutcome.Duplicate(webhookId, webhookEvent.Type);
            case WebhookClaimResult.InProgress:
                _logger.InProgress(webhookId, webhookEvent.Type);
                return DodoWebhookOutcome.InProgress(webhookId, webhookEvent.Type);
        }

        var started = _timeProvider.GetTimestamp();
        var run = await RunHandlersAsync(read.Descriptor!, webhookEvent, store, claim, settings, _applicationStopping, cancellationToken).ConfigureAwait(false);
        switch (run.Status)
        {
            case WebhookRunStatus.ClaimLost:
                return DodoWebhookOutcome.InProgress(webhookId, webhookEvent.Type, "ClaimLost");
            case WebhookRunStatus.Failed:
                if (!run.Cancelled)
                {
                    _logger.HandlerFailed(run.Exception!, run.HandlerKey!, webhookId, webhookEvent.Type);
                }

                await ReleaseAsync(store, claim, webhookEvent).ConfigureAwait(false);
                return DodoWebhookOutcome.Failed(webhookId, webhookEvent.Type, run.Exception!, run.HandlersRun);
        }

        // The handlers succeeded: record it even if the caller went away meanwhile. If the store fails now, answering
        // an error would make Dodo deliver again and run the handlers twice; acknowledge and log instead.
        try
        {
            if (!await store.CompleteAsync(claim, settings.IdempotencyRetention, CancellationToken.None).ConfigureAwait(false))
            {
                _logger.ClaimLost(webhookId);
                return DodoWebhookOutcome.InProgress(webhookId, webhookEvent.Type, "ClaimLost");
            }
        }
        catch (Exception exception)
        {
            _logger.CompleteFailed(exception, webhookId, webhookEvent.Type);
        }

        _logger.Processed(webhookId, webhookEvent.Type, run.HandlersRun, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return DodoWebhookOutcome.Processed(webhookId, webhookEvent.Type, run.HandlersRun);
    }

    private async Task ReleaseAsync(IWebhookIdempotencyStore store, WebhookClaim claim, WebhookEvent webhookEvent)
    {
        try
        {
            await store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The lease expires on its own; the next delivery after it runs the event.
            _logger.StoreFailed(exception, webhookEvent.Id, webhookEvent.Type);
        }
    }

    private async ValueTask<DodoWebhookOutcome> AddToInboxAsync(
        IServiceProvider services,
        WebhookEventReader.Result read,
        string webhookId,
        ReadOnlyMemory<byte> body,
        DateTimeOffset sentAt,
        CancellationToken cancellationToken)
    {
        if (Unreadable(read, webhookId) is { } invalid)
        {
            return invalid;
        }

        var type = read.Event!.Type;
        using var logScope = _logger.BeginScope(new WebhookLogScope(webhookId, type));
        bool added;
        try
        {
            var inbox = services.GetRequiredService<IWebhookInboxStore>();
            var message = new WebhookInboxMessage(webhookId, type, body.ToArray(), sentAt, _timeProvider.GetUtcNow());
            added = await inbox.AddAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.StoreFailed(exception, webhookId, type);
            return DodoWebhookOutcome.Failed(webhookId, type, exception, 0);
        }

        if (!added)
        {
            _logger.AlreadyInInbox(webhookId, type);
            return DodoWebhookOutcome.Duplicate(webhookId, type);
        }

        _logger.StoredInInbox(webhookId, type);
        _inboxSignal.Notify();
        return DodoWebhookOutcome.Accepted(webhookId, type);
    }

    private DodoWebhookOutcome? Unreadable(WebhookEventReader.Result read, string webhookId)
    {
        switch (read.Failure)
        {
            case WebhookReadFailure.None:
                return null;
            case WebhookReadFailure.IdTooLong:
                _logger.IdTooLong(webhookId.Length, WebhookEventReader.MaxWebhookIdLength);
                return DodoWebhookOutcome.Invalid(webhookId, null, read.Failure.ToString());
            default:
                _logger.PayloadUnreadable(webhookId, read.Type, read.Failure);
                return DodoWebhookOutcome.Invalid(webhookId, read.Type.Length == 0 ? null : read.Type, read.Failure.ToString());
        }
    }
}
