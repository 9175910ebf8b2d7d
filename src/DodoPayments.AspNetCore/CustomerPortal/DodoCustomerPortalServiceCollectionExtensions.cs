using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.CustomerPortal;

/// <summary>Registers the services of the CustomerPortal feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoCustomerPortalServiceCollectionExtensions
{
    public static IServiceCollection AddDodoCustomerPortalServices(this IServiceCollection services)
    {
        services.TryAddSingleton<CustomerPortalEndpointHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CustomerPortalAuthorizationCheck>());
        return services;
    }
}
