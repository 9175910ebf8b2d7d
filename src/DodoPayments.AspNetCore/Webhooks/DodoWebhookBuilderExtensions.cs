using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore;

/// <summary>Registers webhook handlers on the builder <c>AddDodoPayments</c> returns.</summary>
public static class DodoWebhookBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> as a scoped service and as every webhook handler interface it implements
    /// (<see cref="IPaymentSucceededHandler"/>, <c>IWebhookHandler&lt;SubscriptionActiveEvent&gt;</c>, the catch-all
    /// <c>IWebhookHandler&lt;WebhookEvent&gt;</c> …), all resolving to the one instance of a scope (each handler of an
    /// event runs in its own scope). Calling it twice for the same type registers it once.
    /// </summary>
    /// <typeparam name="THandler">A class implementing one or more webhook handler interfaces.</typeparam>
    /// <param name="builder">The builder <c>AddDodoPayments</c> returned.</param>
    /// <returns>The builder, to chain more handlers.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="THandler"/> implements no webhook handler interface.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments()
    ///     .AddWebhookHandler&lt;FulfilOrder&gt;()
    ///     .AddWebhookHandler&lt;AuditEveryEvent&gt;();
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddWebhookHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces)] THandler>(
        this IDodoPaymentsBuilder builder)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var interfaces = Array.FindAll(typeof(THandler).GetInterfaces(), IsHandlerInterface);
        if (interfaces.Length == 0)
        {
            throw new ArgumentException(
                $"{typeof(THandler).FullName} implements no webhook handler interface; implement IPaymentSucceededHandler, IWebhookHandler<TEvent> or another handler interface.",
                nameof(THandler));
        }

        var services = builder.Services;
        services.TryAddScoped<THandler>();
        foreach (var serviceType in interfaces)
        {
            if (!services.Any(descriptor => descriptor.ServiceType == serviceType && descriptor.ImplementationFactory == Forward<THandler>.Resolve))
            {
                services.Add(ServiceDescriptor.Scoped(serviceType, Forward<THandler>.Resolve));
            }
        }

        return builder;
    }

    private static readonly FrozenSet<Type> KnownHandlerInterfaces = WebhookEventRegistry.Descriptors.Values.Select(descriptor => descriptor.HandlerType).ToFrozenSet();

    private static bool IsHandlerInterface(Type type) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IWebhookHandler<>)) || KnownHandlerInterfaces.Contains(type);

    /// <summary>One delegate per handler type, so a second registration of the same type is recognised.</summary>
    private static class Forward<THandler>
        where THandler : class
    {
        public static readonly Func<IServiceProvider, object> Resolve = static services => services.GetRequiredService<THandler>();
    }
}
