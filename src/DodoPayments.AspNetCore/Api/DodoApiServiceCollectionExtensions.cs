using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.Api;

/// <summary>Registers the typed API client; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoApiServiceCollectionExtensions
{
    public static IHttpClientBuilder AddDodoApiClient(this IServiceCollection services)
    {
        var builder = services.AddHttpClient(DodoPaymentsOptions.HttpClientName);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(DodoPaymentsApiClient)))
        {
            builder.ConfigureHttpClient(client =>
            {
                // The per-call timeout comes from DodoPaymentsOptions.ApiTimeout, read per call so a reload applies.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.Add(DodoPaymentsApiClient.UserAgent);
            });
            services.AddSingleton<DodoPaymentsApiClient>();
        }

        services.TryAddSingleton<IDodoPaymentsApiClient>(provider => provider.GetRequiredService<DodoPaymentsApiClient>());
        return builder;
    }
}
