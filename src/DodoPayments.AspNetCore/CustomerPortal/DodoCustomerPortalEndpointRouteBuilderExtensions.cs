using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.CustomerPortal;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore;

/// <summary>Maps the customer portal endpoint: a <c>GET</c> that redirects the customer to their Dodo billing portal.</summary>
public static class DodoCustomerPortalEndpointRouteBuilderExtensions
{
    /// <summary>The default route of the customer portal endpoint.</summary>
    public const string DefaultPattern = "/api/customer-portal";

    /// <summary>
    /// Maps <c>GET {pattern}?customer_id=…&amp;send_email=true|false&amp;return_url=…</c>, which asks Dodo for a customer
    /// portal session and answers 302 to its link, as the official adaptors do. A missing <c>customer_id</c>, or one that
    /// is <c>.</c> or <c>..</c>, answers 400.
    /// </summary>
    /// <remarks>
    /// Anyone can type a customer id, so this form opens any customer's portal to whoever asks: chain
    /// <c>.RequireAuthorization()</c> (a warning is logged at start-up otherwise), or prefer
    /// <see cref="MapDodoCustomerPortal(IEndpointRouteBuilder, string, Func{HttpContext, ValueTask{string}})"/>, which
    /// takes the customer from the signed-in user. <c>return_url</c> is accepted only when it is an absolute http(s) URL
    /// on a host of <see cref="DodoPaymentsOptions.AllowedReturnHosts"/> (by default the host of
    /// <see cref="DodoPaymentsOptions.ReturnUrl"/>; the request's own <c>Host</c> header does not count), else 400;
    /// <see cref="DodoPaymentsOptions.ReturnUrl"/> is sent when the query has none. A portal link from Dodo that is not an
    /// absolute http(s) URL answers 502, never a redirect.
    /// </remarks>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <see cref="DefaultPattern"/> (<c>/api/customer-portal</c>) by default.</param>
    /// <returns>A builder to chain <c>.RequireAuthorization()</c> and other conventions to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoCustomerPortal().RequireAuthorization("Staff");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoCustomerPortal(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = DefaultPattern) =>
        endpoints.MapDodoFeature(pattern, DodoPaymentsFeatures.CustomerPortal, nameof(MapDodoCustomerPortal), (group, loggers) =>
            MapPortal(group, pattern, customerIdResolver: null, loggers)
                .WithMetadata(CustomerPortalQueryFormMetadata.Instance)
                .WithDescription("Redirects to the Dodo customer portal of the customer named by customer_id. Query: customer_id (required), send_email (true|false), return_url."));

    /// <summary>
    /// Maps the customer portal for the signed-in customer at <see cref="DefaultPattern"/>; see
    /// <see cref="MapDodoCustomerPortal(IEndpointRouteBuilder, string, Func{HttpContext, ValueTask{string}})"/>.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="customerIdResolver">Finds the Dodo customer id of the request's user (a claim, or your database); null when there is none.</param>
    /// <returns>A builder to chain <c>.RequireAuthorization()</c> and other conventions to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoCustomerPortal(context =&gt; ValueTask.FromResult(context.User.FindFirst("dodo_customer_id")?.Value))
    ///    .RequireAuthorization();
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoCustomerPortal(this IEndpointRouteBuilder endpoints, Func<HttpContext, ValueTask<string?>> customerIdResolver) =>
        endpoints.MapDodoCustomerPortal(DefaultPattern, customerIdResolver);

    /// <summary>
    /// Maps <c>GET {pattern}?send_email=true|false&amp;return_url=…</c> for the signed-in customer: the customer id comes
    /// only from <paramref name="customerIdResolver"/> (a <c>customer_id</c> in the query is ignored); when it returns
    /// null the endpoint answers 401 without calling Dodo, and when it returns an empty id, <c>.</c> or <c>..</c> it
    /// answers 400 naming <c>customer_id</c>. Otherwise it answers 302 to the customer's portal.
    /// </summary>
    /// <remarks>
    /// <c>return_url</c> is accepted only when it is an absolute http(s) URL on a host of
    /// <see cref="DodoPaymentsOptions.AllowedReturnHosts"/> (by default the host of
    /// <see cref="DodoPaymentsOptions.ReturnUrl"/>; the request's own <c>Host</c> header does not count), else 400;
    /// <see cref="DodoPaymentsOptions.ReturnUrl"/> is sent when the query has none. A portal link from Dodo that is not an
    /// absolute http(s) URL answers 502, never a redirect.
    /// </remarks>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route, such as <c>/api/customer-portal</c>.</param>
    /// <param name="customerIdResolver">Finds the Dodo customer id of the request's user (a claim, or your database); null when there is none.</param>
    /// <returns>A builder to chain <c>.RequireAuthorization()</c> and other conventions to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoCustomerPortal("/billing/portal", context =&gt;
    ///     ValueTask.FromResult(context.User.FindFirst("dodo_customer_id")?.Value))
    ///    .RequireAuthorization();
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoCustomerPortal(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, Func<HttpContext, ValueTask<string?>> customerIdResolver) =>
        endpoints.MapDodoFeature(pattern, customerIdResolver, DodoPaymentsFeatures.CustomerPortal, nameof(MapDodoCustomerPortal), (group, loggers) =>
            MapPortal(group, pattern, customerIdResolver, loggers)
                .WithDescription("Redirects the signed-in customer to their Dodo customer portal. Query: send_email (true|false), return_url."));

    private static IEndpointConventionBuilder MapPortal(IEndpointRouteBuilder group, string pattern, Func<HttpContext, ValueTask<string?>>? customerIdResolver, ILoggerFactory loggers) =>
        group.MapDodoEndpoint(pattern, HttpMethods.Get, new CustomerPortalEndpoint(customerIdResolver, loggers).HandleAsync, requestType: null, new(StatusCodes.Status302Found), DodoEndpointMapping.ResolverApiProblems)
            .WithDisplayName($"Dodo customer portal {pattern}")
            .WithSummary("Opens the Dodo Payments customer portal");
}
