using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The typed API client and its <see cref="HttpClient"/>; added by <c>AddDodoPayments</c>, so adding them twice changes nothing.</summary>
internal static class DodoApiServices
{
    public static IHttpClientBuilder Add(IServiceCollection services)
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
