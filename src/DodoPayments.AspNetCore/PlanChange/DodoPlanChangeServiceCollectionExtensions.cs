using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>Registers the services of the PlanChange feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoPlanChangeServiceCollectionExtensions
{
    public static IServiceCollection AddDodoPlanChangeServices(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanChangeEndpointHandler>();
        services.TryAddSingleton<IValidator<ChangePlanRequest>, ChangePlanRequestValidator>();
        return services;
    }
}
