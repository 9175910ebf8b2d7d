using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Registers the services of the webhook feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoWebhookServiceCollectionExtensions
{
    public static IServiceCollection AddDodoWebhookServices(this IServiceCollection services) => services;
}
