using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore.DependencyInjection;

internal sealed class DodoPaymentsBuilder(IServiceCollection services, IHttpClientBuilder httpClient) : IDodoPaymentsBuilder
{
    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClient { get; } = httpClient;

    /// <summary>
    /// Registers an app's hook: scoped, so it can use the app's scoped services, and once however often this is called.
    /// Hooks run in registration order; the first refusal wins.
    /// </summary>
    public static IDodoPaymentsBuilder AddHook<THookService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THook>(IDodoPaymentsBuilder builder)
        where THookService : class
        where THook : class, THookService
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<THookService, THook>());
        return builder;
    }
}
