using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>Points the Dodo API client at a <see cref="DodoApiStandIn"/>.</summary>
public static class DodoApiStandInServiceCollectionExtensions
{
    /// <summary>
    /// Makes the Dodo API client answer from <paramref name="standIn"/>, in process: nothing leaves the machine,
    /// whatever <c>Environment</c> or <c>ApiBaseUrl</c> say. Call it after <c>AddDodoPayments</c>, for example in
    /// <c>WebApplicationFactory.ConfigureTestServices</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="standIn">The stand-in.</param>
    /// <returns>The services.</returns>
    /// <example>
    /// <code>
    /// factory.WithWebHostBuilder(web =&gt; web.ConfigureTestServices(services =&gt; services.AddDodoApiStandIn(dodo)));
    /// </code>
    /// </example>
    public static IServiceCollection AddDodoApiStandIn(this IServiceCollection services, DodoApiStandIn standIn)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(standIn);
        services.AddHttpClient(DodoPaymentsOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(standIn.CreateHandler);
        return services;
    }
}
