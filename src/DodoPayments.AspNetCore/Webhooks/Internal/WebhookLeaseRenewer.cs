using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Keeps a claim alive while its handlers run: renews the lease every third of it, and cancels the handlers' token
/// when the handler timeout passes, both on one <see cref="TimeProvider"/> timer (one timer per delivery instead of
/// two; tests drive it with a fake clock). When the store answers that the claim was lost, it cancels the handlers'
/// token and remembers it, so the caller does not complete an event it no longer holds.
/// </summary>
internal sealed class WebhookLeaseRenewer : IAsyncDisposable
{
    private readonly IWebhookIdempotencyStore _store;
    private readonly WebhookClaim _claim;
    private readonly TimeSpan _lease;
    private readonly CancellationTokenSource _handlers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly ITimer _timer;
    private readonly Lock _schedule = new();
    private TimeSpan _nextRenewal;
    private Task _renewal = Task.CompletedTask;
    private int _renewing;
    private volatile bool _lost;

    /// <param name="store">The store holding <paramref name="claim"/>.</param>
    /// <param name="claim">The claim to keep.</param>
    /// <param name="lease">The lease; renewed every third of it.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="handlers">The handlers' token source: cancelled when the claim is lost or <paramref name="handlerTimeout"/> passes.</param>
    /// <param name="handlerTimeout">How long the handlers may run; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="logger">The processor's logger.</param>
    public WebhookLeaseRenewer(IWebhookIdempotencyStore store, WebhookClaim claim, TimeSpan lease, TimeProvider timeProvider, CancellationTokenSource handlers, TimeSpan handlerTimeout, ILogger logger)
    {
        _store = store;
        _claim = claim;
        _lease = lease;
        _handlers = handlers;
        _logger = logger;
        _timeProvider = timeProvider;
        _started = timeProvider.GetTimestamp();
        _interval = lease / 3;
        _nextRenewal = _interval;
        _timeout = handlerTimeout;
        _timer = timeProvider.CreateTimer(static state => ((WebhookLeaseRenewer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_schedule)
        {
            ScheduleNext(TimeSpan.Zero);
        }
    }

    /// <summary>True once the store answered that the claim was lost (another claim took the event).</summary>
    public bool Lost => _lost;

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Tick()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        bool renew, timedOut;
        lock (_schedule)
        {
            var elapsed = _timeProvider.GetElapsedTime(_started);
            timedOut = _timeout != Timeout.InfiniteTimeSpan && elapsed >= _timeout;
            renew = elapsed >= _nextRenewal;
            if (renew)
            {
                _nextRenewal = elapsed + _interval;
            }

            ScheduleNext(elapsed);
        }

        if (timedOut && !_handlers.IsCancellationRequested)
        {
            _handlers.Cancel();
        }

        // One renewal at a time: a store slower than a third of the lease skips a tick rather than piling calls up.
        if (!renew || _lost || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        _renewal = RenewAsync();
    }

    /// <summary>Arms the timer for the next renewal or the handler timeout, whichever comes first. Called under <c>_schedule</c>.</summary>
    private void ScheduleNext(TimeSpan elapsed)
    {
        var next = _nextRenewal;
        if (_timeout != Timeout.InfiniteTimeSpan && _timeout > elapsed && _timeout < next)
        {
            next = _timeout;
        }

        _timer.Change(next - elapsed, Timeout.InfiniteTimeSpan);
    }

    private async Task RenewAsync()
    {
        try
        {
            if (!await _store.RenewAsync(_claim, _lease, _stop.Token).ConfigureAwait(false))
            {
                _lost = true;
                _logger.ClaimLost(_claim.WebhookId);
                await _handlers.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // A store that failed once may answer next time; if the lease expires meanwhile, the fenced commit says so.
            _logger.RenewFailed(exception, _claim.WebhookId);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }
}
