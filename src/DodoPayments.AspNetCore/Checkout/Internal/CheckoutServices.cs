using DodoPayments.AspNetCore.Api;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>The services of the checkout endpoints; added by <c>AddDodoPayments</c>, so adding them twice changes nothing.</summary>
internal static class CheckoutServices
{
    public static void Add(IServiceCollection services)
    {
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
    }
}
