using DodoPayments.AspNetCore.Api;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>The services of the plan change endpoints; added by <c>AddDodoPayments</c>, so adding them twice changes nothing.</summary>
internal static class PlanChangeServices
{
    public static void Add(IServiceCollection services) =>
        services.TryAddSingleton<IValidator<ChangePlanRequest>, ChangePlanRequestValidator>();
}
