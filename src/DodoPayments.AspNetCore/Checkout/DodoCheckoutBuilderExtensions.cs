using System.Diagnostics.CodeAnalysis;

namespace DodoPayments.AspNetCore;

/// <summary>Registers the app's checkout hooks on the builder <c>AddDodoPayments</c> returns.</summary>
public static class DodoCheckoutBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THook"/> as an <see cref="Checkout.IDodoCheckoutHook"/>, scoped (once, however often
    /// this is called). Hooks run in registration order; the first refusal wins.
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
        where THook : class, Checkout.IDodoCheckoutHook => DependencyInjection.DodoPaymentsBuilder.AddHook<Checkout.IDodoCheckoutHook, THook>(builder);
}
