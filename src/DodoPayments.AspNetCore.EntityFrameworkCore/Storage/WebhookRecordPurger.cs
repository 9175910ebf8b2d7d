using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>
/// Checks at start-up that <typeparamref name="TContext"/> can hold the webhook store (so a missing
/// <c>AddDodoWebhookStore()</c> stops the app with a message saying so), then deletes processed events past their
/// retention in the background: at start, then every <see cref="Interval"/>, at most <see cref="BatchSize"/> rows per
/// statement so no purge holds long locks.
/// </summary>
internal sealed class WebhookRecordPurger<TContext>(
    EntityFrameworkWebhookStore<TContext> store,
    TimeProvider clock,
    ILogger<WebhookRecordPurger<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly TaskCompletionSource _firstPurge = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How often processed events past their retention are deleted. Default 10 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The most rows one delete statement removes. Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Completes when the first purge has run (or failed): for tests.</summary>
    internal Task FirstPurge => _firstPurge.Task;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        store.EnsureUsable();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = typeof(TContext).Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await store.PurgeAsync(BatchSize, stoppingToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    logger.Purged(deleted, name);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.PurgeFailed(exception, name, Interval);
            }
            finally
            {
                _firstPurge.TrySetResult();
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
