using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.CustomerPortal;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Diagnostics;
using DodoPayments.AspNetCore.Http;
using DodoPayments.AspNetCore.PlanChange;
using DodoPayments.AspNetCore.Webhooks;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore;

/// <summary>Registers Dodo Payments in an application's services.</summary>
public static class DodoPaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds Dodo Payments with options bound from the <c>DodoPayments</c> configuration section and the
    /// <c>DODO_PAYMENTS_*</c> environment variables, validated when the host starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>A builder to register webhook handlers with.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments()
    ///     .AddWebhookHandler&lt;FulfilOrder&gt;();
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddDodoPayments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddDodoPaymentsCore(section: null, configure: null);
    }

    /// <summary>
    /// Adds Dodo Payments with options bound from the <c>DodoPayments</c> configuration section, then adjusted by
    /// <paramref name="configure"/> (whose values win), validated when the host starts.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>A builder to register webhook handlers with.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments(options =&gt; options.Environment = DodoPaymentsEnvironment.TestMode);
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddDodoPayments(this IServiceCollection services, Action<DodoPaymentsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddDodoPaymentsCore(section: null, configure);
    }

    /// <summary>
    /// Adds Dodo Payments with options bound from <paramref name="section"/> instead of <c>DodoPayments</c>; validation
    /// messages name that section's keys.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="section">The configuration section holding the options.</param>
    /// <returns>A builder to register webhook handlers with.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments(builder.Configuration.GetSection("Billing:Dodo"));
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddDodoPayments(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddDodoPaymentsCore(section, configure: null);
    }

    private static IDodoPaymentsBuilder AddDodoPaymentsCore(this IServiceCollection services, IConfigurationSection? section, Action<DodoPaymentsOptions>? configure)
    {
        var marker = GetOrAddMarker(services);
        var path = section?.Path ?? DodoPaymentsOptions.SectionName;
        marker.ConfigurationPath = path;

        if (marker.BoundSections.Add(path))
        {
            if (section is null)
            {
                services.AddOptions<DodoPaymentsOptions>()
                    .Configure<IServiceProvider>((options, provider) =>
                    {
                        if (provider.GetService<IConfiguration>() is { } configuration)
                        {
                            DodoPaymentsOptionsBinder.Bind(configuration.GetSection(path), options, path);
                        }
                    });
                services.AddSingleton<IOptionsChangeTokenSource<DodoPaymentsOptions>>(provider =>
                    new ConfigurationChangeTokenSource<DodoPaymentsOptions>(
                        (IConfiguration?)provider.GetService<IConfiguration>()?.GetSection(path) ?? new ConfigurationBuilder().Build()));
            }
            else
            {
                services.AddOptions<DodoPaymentsOptions>()
                    .Configure(options => DodoPaymentsOptionsBinder.Bind(section, options, path));
                services.AddSingleton<IOptionsChangeTokenSource<DodoPaymentsOptions>>(
                    new ConfigurationChangeTokenSource<DodoPaymentsOptions>(section));
            }
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<DodoPaymentsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DodoPaymentsOptions>, DodoPaymentsEnvironmentVariables>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DodoPaymentsOptions>, FluentOptionsValidation<DodoPaymentsOptions>>());
        services.TryAddSingleton<IValidator<DodoPaymentsOptions>, DodoPaymentsOptionsValidator>();

        // Every reader, the library's endpoints and the app's own code, gets the monitor that keeps the last valid
        // options when a reload is invalid (ValidateOnStart reads through it too, so start-up still fails).
        services.TryAddSingleton<IOptionsMonitor<DodoPaymentsOptions>>(provider => new DodoPaymentsOptionsMonitor(
            provider.GetRequiredService<IOptionsFactory<DodoPaymentsOptions>>(),
            provider.GetServices<IOptionsChangeTokenSource<DodoPaymentsOptions>>(),
            provider.GetRequiredService<IOptionsMonitorCache<DodoPaymentsOptions>>(),
            provider.GetService<ILogger<DodoPaymentsOptionsMonitor>>() ?? NullLogger<DodoPaymentsOptionsMonitor>.Instance));
        services.TryAddScoped<IOptionsSnapshot<DodoPaymentsOptions>, DodoPaymentsOptionsSnapshot>();
        services.TryAddSingleton(TimeProvider.System);

        // The package brings the JSON metadata of what it answers with, so a Native AOT app (no reflection-based
        // resolver) that does not call AddProblemDetails still gets its ProblemDetails instead of a 500. Added last,
        // after the app's own configuration, so it only fills what no other resolver provides.
        services.PostConfigure<JsonOptions>(json =>
        {
            if (!json.SerializerOptions.TypeInfoResolverChain.Contains(DodoProblemDetailsJsonContext.Default))
            {
                json.SerializerOptions.TypeInfoResolverChain.Add(DodoProblemDetailsJsonContext.Default);
            }
        });

        DodoInstrumentation.Add(services);
        var httpClient = DodoApiServices.Add(services);
        CheckoutServices.Add(services);
        CustomerPortalServices.Add(services);
        PlanChangeServices.Add(services);
        services.AddDodoWebhookServices();

        return new DodoPaymentsBuilder(services, httpClient);
    }

    private static DodoPaymentsMarker GetOrAddMarker(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DodoPaymentsMarker) && descriptor.ImplementationInstance is DodoPaymentsMarker existing)
            {
                return existing;
            }
        }

        var marker = new DodoPaymentsMarker();
        services.AddSingleton(marker);
        return marker;
    }
}
