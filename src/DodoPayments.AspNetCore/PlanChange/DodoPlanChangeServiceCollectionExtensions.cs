using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>Registers the services of the PlanChange feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoPlanChangeServiceCollectionExtensions
{
    public static IServiceCollection AddDodoPlanChangeServices(this IServiceCollection services) => services;
}
