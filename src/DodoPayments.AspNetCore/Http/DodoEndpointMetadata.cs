using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DodoPayments.AspNetCore.Http;

/// <summary>Maps an endpoint the way every Dodo endpoint is mapped, with what OpenAPI needs to describe it.</summary>
internal static class DodoEndpointMetadata
{
    private static readonly string[] ProblemContentType = ["application/problem+json"];

    /// <summary>What an endpoint that calls Dodo can answer besides success: a bad request, or Dodo failing or timing out.</summary>
    public static readonly int[] ApiProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status502BadGateway, StatusCodes.Status504GatewayTimeout];

    /// <summary><see cref="ApiProblems"/>, and 401 when the app's resolver finds no signed-in customer or subscription.</summary>
    public static readonly int[] ResolverApiProblems = [.. ApiProblems, StatusCodes.Status401Unauthorized];

    /// <summary>
    /// Maps <paramref name="handler"/> and describes it: the handler's <see cref="System.Reflection.MethodInfo"/> (as the
    /// Request Delegate Generator adds it; ApiExplorer, and so OpenAPI, only lists endpoints that carry one), the body it
    /// reads, its success answer and its ProblemDetails answers (400 as validation problems).
    /// </summary>
    public static IEndpointConventionBuilder MapDodoEndpoint(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        string method,
        RequestDelegate handler,
        Type? requestType,
        ProducesResponseTypeMetadata success,
        params int[] problemStatusCodes)
    {
        var endpoint = endpoints.MapMethods(pattern, [method], handler)
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
}
