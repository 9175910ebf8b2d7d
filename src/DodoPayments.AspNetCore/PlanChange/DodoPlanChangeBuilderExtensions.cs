using System.Diagnostics.CodeAnalysis;

namespace DodoPayments.AspNetCore;

/// <summary>Registers the app's plan change hooks on the builder <c>AddDodoPayments</c> returns.</summary>
public static class DodoPlanChangeBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THook"/> as an <see cref="PlanChange.IDodoPlanChangeHook"/>, scoped (once, however often
    /// this is called). Hooks run in registration order; the first refusal wins.
    /// </summary>
    /// <typeparam name="THook">The hook.</typeparam>
    /// <param name="builder">The builder from <c>AddDodoPayments</c>.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments().AddPlanChangeHook&lt;PlanChangePolicy&gt;();
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddPlanChangeHook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THook>(this IDodoPaymentsBuilder builder)
        where THook : class, PlanChange.IDodoPlanChangeHook => DependencyInjection.DodoPaymentsBuilder.AddHook<PlanChange.IDodoPlanChangeHook, THook>(builder);
}
