using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Registers the services of the webhook feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoWebhookServiceCollectionExtensions
{
    public static IServiceCollection AddDodoWebhookServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookKeyRing>();
        services.TryAddSingleton<IWebhookIdempotencyStore, InMemoryWebhookIdempotencyStore>();
        services.TryAddSingleton<DodoWebhookEndpoint>();
        return services;
    }
}
