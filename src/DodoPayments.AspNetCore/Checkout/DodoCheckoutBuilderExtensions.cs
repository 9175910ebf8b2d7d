using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.Checkout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore;

/// <summary>Registers the app's checkout hooks on the builder <c>AddDodoPayments</c> returns.</summary>
public static class DodoCheckoutBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THook"/> as an <see cref="IDodoCheckoutHook"/>, scoped (once, however often this is
    /// called). Hooks run in registration order; the first refusal wins.
    /// </summary>
    /// <typeparam name="THook">The hook.</typeparam>
    /// <param name="builder">The builder from <c>AddDodoPayments</c>.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments().AddCheckoutHook&lt;SignedInCustomerHook&gt;();
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddCheckoutHook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THook>(this IDodoPaymentsBuilder builder)
        where THook : class, IDodoCheckoutHook
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IDodoCheckoutHook, THook>());
        return builder;
    }
}
