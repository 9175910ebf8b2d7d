using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore;

/// <summary>Maps the checkout endpoints: static and session checkout, and dynamic checkout.</summary>
/// <remarks>
/// The endpoints are plain <see cref="RequestDelegate"/>s, so nothing inspects delegates at start-up and trimming and
/// native AOT work; the OpenAPI metadata (request and response types, ProblemDetails answers) is declared instead of inferred.
/// </remarks>
public static class DodoCheckoutEndpointRouteBuilderExtensions
{
    private static readonly ProducesResponseTypeMetadata Success = new(StatusCodes.Status200OK, typeof(CheckoutUrlResponse), ["application/json"]);


    /// <summary>
    /// Maps <c>GET {pattern}</c>, the static checkout (query string: <c>productId</c>, <c>quantity</c>, customer fields,
    /// <c>disable*</c>, <c>metadata_*</c>, …), and <c>POST {pattern}</c>, a checkout session (JSON body of Dodo's
    /// <c>POST /checkouts</c>). Both answer <c>200 {"checkout_url": "…"}</c>; errors are ProblemDetails.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <c>/api/checkout</c> by default, as in the official adaptors.</param>
    /// <returns>A builder to add authorization, rate limiting or tags to both endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoCheckout().RequireRateLimiting("checkout");
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoCheckout(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/api/checkout")
    {
        endpoints.MarkDodoFeatureMapped(DodoPaymentsFeatures.Checkout, nameof(MapDodoCheckout));
        ArgumentNullException.ThrowIfNull(pattern);

        return new DodoCheckoutConventionBuilder(
        [
            endpoints.MapDodoEndpoint(pattern, HttpMethods.Get, StaticCheckoutAsync, requestType: null, Success, DodoEndpointMetadata.ApiProblems)
                .WithSummary("Static checkout: the checkout URL of a product, from the query string."),
            endpoints.MapDodoEndpoint(pattern, HttpMethods.Post, CheckoutSessionAsync, typeof(CheckoutSessionRequest), Success, DodoEndpointMetadata.ApiProblems)
                .WithSummary("Checkout session: creates a Dodo checkout session and answers its URL."),
        ]);
    }

    /// <summary>
    /// Maps <c>POST {pattern}</c>, the dynamic checkout of the official adaptors: the product decides between a
    /// subscription (<c>POST /subscriptions</c>) and a one-time payment (<c>POST /payments</c>), both as payment links.
    /// Answers <c>200 {"checkout_url": "…"}</c>; errors are ProblemDetails.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <c>/api/checkout/dynamic</c> by default.</param>
    /// <returns>A builder to add authorization, rate limiting or tags to the endpoint.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoDynamicCheckout().RequireAuthorization();
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoDynamicCheckout(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/api/checkout/dynamic")
    {
        endpoints.MarkDodoFeatureMapped(DodoPaymentsFeatures.DynamicCheckout, nameof(MapDodoDynamicCheckout));
        ArgumentNullException.ThrowIfNull(pattern);

        return new DodoCheckoutConventionBuilder(
        [
            endpoints.MapDodoEndpoint(pattern, HttpMethods.Post, DynamicCheckoutAsync, typeof(DynamicCheckoutRequest), Success, DodoEndpointMetadata.ApiProblems)
                .WithSummary("Dynamic checkout: a payment link for a one-time or subscription product."),
        ]);
    }

    private static async Task StaticCheckoutAsync(HttpContext context)
    {
        var result = await Handlers(context).StaticAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task CheckoutSessionAsync(HttpContext context)
    {
        var result = await Handlers(context).SessionAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task DynamicCheckoutAsync(HttpContext context)
    {
        var result = await Handlers(context).DynamicAsync(context).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static CheckoutHandlers Handlers(HttpContext context) => context.RequestServices.GetRequiredService<CheckoutHandlers>();
}
