using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Registers the services of the webhook feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoWebhookServiceCollectionExtensions
{
    public static IServiceCollection AddDodoWebhookServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookKeyRing>();
        services.TryAddSingleton<WebhookInboxSignal>();
        services.TryAddSingleton<IWebhookIdempotencyStore, InMemoryWebhookIdempotencyStore>();
        services.TryAddSingleton(static provider => new DodoWebhookProcessor(
            provider,
            provider.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>(),
            provider.GetRequiredService<WebhookKeyRing>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<WebhookInboxSignal>(),
            provider.GetRequiredService<ILogger<DodoWebhookProcessor>>()));
        services.TryAddSingleton<DodoWebhookEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookStoreCheck>());
        return services;
    }
}
