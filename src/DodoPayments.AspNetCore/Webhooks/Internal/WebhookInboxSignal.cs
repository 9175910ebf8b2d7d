namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Wakes the inbox processor of this process when an event was added or replayed, so it does not wait for its next poll.
/// Notifications while it is busy collapse into one wake-up.
/// </summary>
internal sealed class WebhookInboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Asks the processor to look for due events now.</summary>
    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is pending already.
        }
        catch (ObjectDisposedException)
        {
            // The app is shutting down.
        }
    }

    /// <summary>Waits until <see cref="Notify"/> is called or <paramref name="timeout"/> passes on <paramref name="timeProvider"/>.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="timeProvider">The clock the timeout runs on.</param>
    /// <param name="waiting">Called once the wait has begun (its timer is set), unless a notification was pending.</param>
    /// <param name="woken">Called once when the wait ends by a notification or the timeout, on the thread that ends it, before the waiter resumes.</param>
    /// <param name="cancellationToken">Ends the wait early, throwing.</param>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, Action? waiting, Action? woken, CancellationToken cancellationToken)
    {
        if (_semaphore.Wait(0, CancellationToken.None))
        {
            return;
        }

        var wake = new Wake(woken);
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = timeProvider.CreateTimer(static state => ((Wake)state!).Set(), wake, timeout, Timeout.InfiniteTimeSpan);
        await using (timer.ConfigureAwait(false))
        {
            var notified = _semaphore.WaitAsync(stopWaiting.Token);
            _ = notified.ContinueWith(
                static (task, state) =>
                {
                    if (task.IsCompletedSuccessfully)
                    {
                        ((Wake)state!).Set();
                    }
                },
                wake,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            waiting?.Invoke();
            try
            {
                await wake.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stopWaiting.CancelAsync().ConfigureAwait(false);
                await ((Task)notified).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Wake(Action? woken)
    {
        private readonly TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _set;

        public Task Task => _woken.Task;

        public void Set()
        {
            if (Interlocked.Exchange(ref _set, 1) == 0)
            {
                woken?.Invoke();
                _woken.TrySetResult();
            }
        }
    }
}
