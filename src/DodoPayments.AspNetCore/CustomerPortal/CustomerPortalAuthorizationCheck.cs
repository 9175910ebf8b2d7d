using DodoPayments.AspNetCore.DependencyInjection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.CustomerPortal;

/// <summary>
/// Warns once at start-up for each query-form customer portal endpoint that does not require authorization: anyone
/// who knows or guesses a customer id could open that customer's billing portal.
/// </summary>
/// <remarks>
/// It runs once the host has started (<see cref="IHostedLifecycleService.StartedAsync"/>), when the request pipeline
/// is built and every convention has been applied: <c>.RequireAuthorization()</c> is chained after
/// <c>MapDodoCustomerPortal</c> returns, on the endpoint or on its group, so mapping time is too early to tell.
/// </remarks>
internal sealed partial class CustomerPortalAuthorizationCheck(
    IServiceProvider services,
    DodoPaymentsMarker marker,
    ILogger<CustomerPortalAuthorizationCheck> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!marker.IsMapped(DodoPaymentsFeatures.CustomerPortal) || services.GetService<EndpointDataSource>() is not { } dataSource)
        {
            return Task.CompletedTask;
        }

        foreach (var endpoint in dataSource.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<CustomerPortalQueryFormMetadata>() is not null && !RequiresAuthorization(endpoint.Metadata))
            {
                Log.QueryFormWithoutAuthorization(logger, (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName);
            }
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the authorization middleware enforces: some authorization metadata, and no <see cref="IAllowAnonymous"/>.</summary>
    internal static bool RequiresAuthorization(EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<IAllowAnonymous>() is null
        && (metadata.GetMetadata<IAuthorizeData>() is not null
            || metadata.GetMetadata<AuthorizationPolicy>() is not null
            || metadata.GetMetadata<IAuthorizationRequirementData>() is not null);

    private static partial class Log
    {
        [LoggerMessage(
            EventId = 400,
            Level = LogLevel.Warning,
            Message = "The customer portal endpoint {Route} takes customer_id from the query string and does not require authorization: " +
                "anyone who knows or guesses a customer id can open that customer's billing portal. Chain .RequireAuthorization(), " +
                "or map it with a customer id resolver that reads the signed-in user: MapDodoCustomerPortal(pattern, context => …)")]
        public static partial void QueryFormWithoutAuthorization(ILogger logger, string? route);
    }
}
