using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>Registers the services of the Checkout feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoCheckoutServiceCollectionExtensions
{
    public static IServiceCollection AddDodoCheckoutServices(this IServiceCollection services) => services;
}
