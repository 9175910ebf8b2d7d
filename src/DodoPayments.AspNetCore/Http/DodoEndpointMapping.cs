using System.Runtime.CompilerServices;
using DodoPayments.AspNetCore.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// How every <c>MapDodo*</c> maps, as <c>MapIdentityApi</c> does: its endpoints under one <see cref="RouteGroupBuilder"/>
/// (so a convention chained on the result reaches each of them), each described for OpenAPI.
/// </summary>
internal static class DodoEndpointMapping
{
    private static readonly string[] JsonContentType = ["application/json"];

    private static readonly string[] ProblemContentType = ["application/problem+json"];

    /// <summary>What an endpoint that calls Dodo can answer besides success: a bad request, or Dodo failing or timing out.</summary>
    public static readonly int[] ApiProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status502BadGateway, StatusCodes.Status504GatewayTimeout];

    /// <summary><see cref="ApiProblems"/>, and 401 when the app's resolver finds no signed-in customer or subscription.</summary>
    public static readonly int[] ResolverApiProblems = [.. ApiProblems, StatusCodes.Status401Unauthorized];

    /// <summary>
    /// Every <c>MapDodo*</c> is this call: it checks the arguments (<paramref name="endpoints"/>, then
    /// <paramref name="pattern"/>), records that <paramref name="feature"/> is mapped (or throws when
    /// <c>AddDodoPayments</c> was not called; nothing reads the options yet), lets <paramref name="map"/> map the
    /// feature's endpoints at <paramref name="pattern"/> into a group without a prefix of its own (so a route is
    /// described as <c>api/checkout</c>, not <c>api/checkout/</c>), and returns that group as a
    /// <see cref="DodoEndpointConventionBuilder"/>, as <c>MapIdentityApi</c> does.
    /// </summary>
    public static IEndpointConventionBuilder MapDodoFeature(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        DodoPaymentsFeatures feature,
        string methodName,
        Action<IEndpointRouteBuilder, ILoggerFactory> map)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        return MapGroup(endpoints, feature, methodName, map);
    }

    /// <summary>
    /// <see cref="MapDodoFeature(IEndpointRouteBuilder, string, DodoPaymentsFeatures, string, Action{IEndpointRouteBuilder, ILoggerFactory})"/>
    /// for a feature that acts for the customer or subscription the app's <paramref name="resolver"/> finds, checked
    /// after <paramref name="pattern"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapDodoFeature(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<HttpContext, ValueTask<string?>> resolver,
        DodoPaymentsFeatures feature,
        string methodName,
        Action<IEndpointRouteBuilder, ILoggerFactory> map,
        [CallerArgumentExpression(nameof(resolver))] string? resolverName = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(resolver, resolverName);
        return MapGroup(endpoints, feature, methodName, map);
    }

    /// <summary>A 200 answer of <paramref name="type"/> as JSON, for <see cref="MapDodoEndpoint"/>.</summary>
    public static ProducesResponseTypeMetadata Json(Type type) => new(StatusCodes.Status200OK, type, JsonContentType);

    /// <summary>
    /// Maps <paramref name="handler"/> and describes it: the handler's <see cref="System.Reflection.MethodInfo"/> (as the
    /// Request Delegate Generator adds it; ApiExplorer, and so OpenAPI, only lists endpoints that carry one), the body it
    /// reads, its success answer and its ProblemDetails answers (400 as validation problems).
    /// </summary>
    public static IEndpointConventionBuilder MapDodoEndpoint(
        this IEndpointRouteBuilder group,
        string pattern,
        string method,
        RequestDelegate handler,
        Type? requestType,
        ProducesResponseTypeMetadata success,
        params int[] problemStatusCodes)
    {
        var endpoint = group.MapMethods(pattern, [method], handler)
            .WithMetadata(handler.Method, success);
        if (requestType is not null)
        {
            endpoint.WithMetadata(DodoJsonBody.Accepts(requestType));
        }

        foreach (var statusCode in problemStatusCodes)
        {
            endpoint.WithMetadata(new ProducesResponseTypeMetadata(
                statusCode,
                statusCode == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails),
                ProblemContentType));
        }

        return endpoint;
    }

    private static DodoEndpointConventionBuilder MapGroup(IEndpointRouteBuilder endpoints, DodoPaymentsFeatures feature, string methodName, Action<IEndpointRouteBuilder, ILoggerFactory> map)
    {
        endpoints.MarkDodoFeatureMapped(feature, methodName);
        var group = endpoints.MapGroup(string.Empty);
        map(group, endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return new DodoEndpointConventionBuilder(group);
    }
}
