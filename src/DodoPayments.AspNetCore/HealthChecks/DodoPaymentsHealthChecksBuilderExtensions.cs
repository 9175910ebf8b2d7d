using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.HealthChecks;
using DodoPayments.AspNetCore.HealthChecks.Internal;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore;

/// <summary>Adds the Dodo Payments health check to <c>AddHealthChecks()</c>.</summary>
public static class DodoPaymentsHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given.</summary>
    public const string DefaultName = "dodo-payments";

    /// <summary>
    /// Adds a health check that reports the Dodo Payments configuration (valid as it reads now, for the endpoints
    /// mapped), the webhook store (reachable within <see cref="DodoPaymentsHealthCheckOptions.StoreTimeout"/>) and, in
    /// inbox mode, the pending and dead events against their thresholds: above a Degraded threshold the check is
    /// <see cref="HealthStatus.Degraded"/>; an invalid configuration, an unreachable store or a count above an
    /// Unhealthy threshold reports <paramref name="failureStatus"/>. Thresholds are bound from
    /// <c>DodoPayments:HealthChecks</c> and validated when the host starts; <c>AddDodoPayments()</c> must be called too.
    /// </summary>
    /// <param name="builder">The builder <c>AddHealthChecks()</c> returned.</param>
    /// <param name="name">The check's name; <see cref="DefaultName"/> when null.</param>
    /// <param name="failureStatus">What a failure reports; <see cref="HealthStatus.Unhealthy"/> when null.</param>
    /// <param name="tags">Tags to filter checks by, e.g. in <c>MapHealthChecks</c>' predicate.</param>
    /// <param name="configure">Sets the thresholds in code, after the configuration (its values win).</param>
    /// <returns>The builder, to chain.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddHealthChecks()
    ///     .AddDodoPayments(tags: ["ready"], configure: o =&gt; o.InboxBacklogDegradedThreshold = 50);
    /// app.MapHealthChecks("/health");
    /// </code>
    /// </example>
    public static IHealthChecksBuilder AddDodoPayments(
        this IHealthChecksBuilder builder,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        Action<DodoPaymentsHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var checkName = name ?? DefaultName;
        var services = builder.Services;

        services.AddOptions<DodoPaymentsHealthCheckOptions>(checkName)
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    configuration.GetSection(SectionPath(provider)).Bind(options);
                }
            })
            .ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(checkName, configure);
        }

        services.AddSingleton<IOptionsChangeTokenSource<DodoPaymentsHealthCheckOptions>>(provider =>
            new ConfigurationChangeTokenSource<DodoPaymentsHealthCheckOptions>(
                checkName, (IConfiguration?)provider.GetService<IConfiguration>()?.GetSection(SectionPath(provider)) ?? new ConfigurationBuilder().Build()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DodoPaymentsHealthCheckOptions>, DodoPaymentsHealthCheckOptionsValidation>());
        services.TryAddSingleton<IValidator<DodoPaymentsHealthCheckOptions>, DodoPaymentsHealthCheckOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        return builder.Add(new HealthCheckRegistration(
            checkName,
            provider => new DodoPaymentsHealthCheck(
                checkName,
                provider.GetRequiredService<IOptionsFactory<DodoPaymentsOptions>>(),
                provider.GetRequiredService<IOptionsMonitor<DodoPaymentsHealthCheckOptions>>(),
                provider.GetRequiredService<IWebhookIdempotencyStore>(),
                provider.GetService<WebhookInboxMode>() is null ? null : provider.GetRequiredService<IWebhookInboxStore>(),
                provider.GetRequiredService<TimeProvider>()),
            failureStatus,
            tags));
    }

    /// <summary><c>DodoPayments:HealthChecks</c>, under the section <c>AddDodoPayments</c> bound.</summary>
    private static string SectionPath(IServiceProvider provider) =>
        $"{provider.GetService<DodoPaymentsMarker>()?.ConfigurationPath ?? DodoPaymentsOptions.SectionName}:HealthChecks";
}
