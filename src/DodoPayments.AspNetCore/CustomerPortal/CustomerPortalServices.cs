using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.CustomerPortal;

/// <summary>The services of the customer portal endpoint; added by <c>AddDodoPayments</c>, so adding them twice changes nothing.</summary>
internal static class CustomerPortalServices
{
    public static void Add(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CustomerPortalAuthorizationCheck>());
}
