using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DodoPayments.AspNetCore;

/// <summary>Maps the checkout endpoints: static and session checkout, and dynamic checkout.</summary>
/// <remarks>
/// The endpoints are plain <see cref="RequestDelegate"/>s, so nothing inspects delegates at start-up and trimming and
/// native AOT work; the OpenAPI metadata (request and response types, ProblemDetails answers) is declared instead of inferred.
/// </remarks>
public static class DodoCheckoutEndpointRouteBuilderExtensions
{
    /// <summary>The default route of <see cref="MapDodoCheckout"/>, as in the official adaptors.</summary>
    public const string DefaultPattern = "/api/checkout";

    /// <summary>The default route of <see cref="MapDodoDynamicCheckout"/>.</summary>
    public const string DynamicCheckoutDefaultPattern = DefaultPattern + "/dynamic";

    /// <summary>
    /// Maps <c>GET {pattern}</c>, the static checkout (query string: <c>productId</c>, <c>quantity</c>, customer fields,
    /// <c>disable*</c>, <c>metadata_*</c>, …), and <c>POST {pattern}</c>, a checkout session (JSON body of Dodo's
    /// <c>POST /checkouts</c>). Both answer <c>200 {"checkout_url": "…"}</c>; errors are ProblemDetails.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <see cref="DefaultPattern"/> (<c>/api/checkout</c>) by default.</param>
    /// <returns>A builder to add authorization, rate limiting or tags to both endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoCheckout().RequireRateLimiting("checkout");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoCheckout(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = DefaultPattern) =>
        endpoints.MapDodoFeature(pattern, DodoPaymentsFeatures.Checkout, nameof(MapDodoCheckout), (group, loggers) =>
        {
            var success = DodoEndpointMapping.Json(typeof(CheckoutUrlResponse));
            group.MapDodoEndpoint(pattern, HttpMethods.Get, new StaticCheckoutEndpoint(loggers).HandleAsync, requestType: null, success, DodoEndpointMapping.ApiProblems)
                .WithSummary("Static checkout: the checkout URL of a product, from the query string.");
            group.MapDodoEndpoint(pattern, HttpMethods.Post, new CheckoutSessionEndpoint(loggers).HandleAsync, typeof(CheckoutSessionRequest), success, DodoEndpointMapping.ApiProblems)
                .WithSummary("Checkout session: creates a Dodo checkout session and answers its URL.");
        });

    /// <summary>
    /// Maps <c>POST {pattern}</c>, the dynamic checkout of the official adaptors: the product decides between a
    /// subscription (<c>POST /subscriptions</c>) and a one-time payment (<c>POST /payments</c>), both as payment links.
    /// Answers <c>200 {"checkout_url": "…"}</c>; errors are ProblemDetails.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <see cref="DynamicCheckoutDefaultPattern"/> (<c>/api/checkout/dynamic</c>) by default.</param>
    /// <returns>A builder to add authorization, rate limiting or tags to the endpoint.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoDynamicCheckout().RequireAuthorization();
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoDynamicCheckout(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = DynamicCheckoutDefaultPattern) =>
        endpoints.MapDodoFeature(pattern, DodoPaymentsFeatures.DynamicCheckout, nameof(MapDodoDynamicCheckout), (group, loggers) =>
            group.MapDodoEndpoint(pattern, HttpMethods.Post, new DynamicCheckoutEndpoint(loggers).HandleAsync, typeof(DynamicCheckoutRequest), DodoEndpointMapping.Json(typeof(CheckoutUrlResponse)), DodoEndpointMapping.ApiProblems)
                .WithSummary("Dynamic checkout: a payment link for a one-time or subscription product."));
}
