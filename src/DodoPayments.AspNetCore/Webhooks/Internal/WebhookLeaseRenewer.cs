using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Keeps a claim alive while its handlers run: renews the lease every third of it (on a <see cref="TimeProvider"/>
/// timer, so tests drive it with a fake clock). When the store answers that the claim was lost, it cancels the
/// handlers' token and remembers it, so the caller does not complete an event it no longer holds.
/// </summary>
internal sealed class WebhookLeaseRenewer : IAsyncDisposable
{
    private readonly IWebhookIdempotencyStore _store;
    private readonly WebhookClaim _claim;
    private readonly TimeSpan _lease;
    private readonly CancellationTokenSource _handlers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private Task _renewal = Task.CompletedTask;
    private int _renewing;
    private volatile bool _lost;

    public WebhookLeaseRenewer(IWebhookIdempotencyStore store, WebhookClaim claim, TimeSpan lease, TimeProvider timeProvider, CancellationTokenSource handlers, ILogger logger)
    {
        _store = store;
        _claim = claim;
        _lease = lease;
        _handlers = handlers;
        _logger = logger;
        var interval = lease / 3;
        _timer = timeProvider.CreateTimer(static state => ((WebhookLeaseRenewer)state!).Tick(), this, interval, interval);
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
        // One renewal at a time: a store slower than a third of the lease skips a tick rather than piling calls up.
        if (_lost || _stop.IsCancellationRequested || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        _renewal = RenewAsync();
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
