using DodoPayments.AspNetCore.Checkout.Internal;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>Registers the services of the Checkout feature; called by <c>AddDodoPayments</c>, so it must be safe to call twice.</summary>
internal static class DodoCheckoutServiceCollectionExtensions
{
    public static IServiceCollection AddDodoCheckoutServices(this IServiceCollection services)
    {
        services.TryAddSingleton<CheckoutHandlers>();
        services.TryAddSingleton<ProductCache>();
        services.TryAddSingleton<IValidator<StaticCheckoutRequest>, StaticCheckoutRequestValidator>();
        services.TryAddSingleton<IValidator<CheckoutSessionRequest>, CheckoutSessionRequestValidator>();
        services.TryAddSingleton<IValidator<DynamicCheckoutRequest>, DynamicCheckoutRequestValidator>();
        services.ConfigureHttpJsonOptions(json =>
        {
            if (!json.SerializerOptions.TypeInfoResolverChain.Contains(DodoCheckoutJsonContext.Default))
            {
                json.SerializerOptions.TypeInfoResolverChain.Insert(0, DodoCheckoutJsonContext.Default);
            }
        });
        return services;
    }
}
