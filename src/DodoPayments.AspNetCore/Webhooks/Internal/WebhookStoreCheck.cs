using DodoPayments.AspNetCore.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Says at start-up what the webhook store is when it matters: a Warning, outside Development (Staging included), when
/// the webhook endpoint is mapped over the in-memory idempotency store, which is lost at restart and not shared
/// between instances.
/// </summary>
/// <remarks>It runs once the host has started, when every endpoint is mapped (mapping happens before the host starts).</remarks>
internal sealed class WebhookStoreCheck(
    IServiceScopeFactory scopes,
    DodoPaymentsMarker marker,
    ILogger<WebhookStoreCheck> logger,
    IHostEnvironment? environment = null) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!marker.IsMapped(DodoPaymentsFeatures.Webhooks) || environment is null || environment.IsDevelopment())
        {
            return Task.CompletedTask;
        }

        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService<IWebhookIdempotencyStore>() is InMemoryWebhookIdempotencyStore)
        {
            logger.InMemoryStore(environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
