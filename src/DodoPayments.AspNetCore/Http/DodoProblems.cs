using DodoPayments.AspNetCore.Api;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// The ProblemDetails every endpoint answers with, so each failure looks the same from every endpoint:
/// 400 for what the request (or Dodo, about the request) got wrong, 502 when Dodo failed or could not be reached,
/// 504 when it did not answer in time. Nothing here carries the API key or Dodo's internals.
/// </summary>
internal static class DodoProblems
{
    /// <summary>The ProblemDetails extension carrying Dodo's error <c>code</c> on a 400.</summary>
    public const string CodeExtension = "code";

    /// <summary>Turns a failed API call into the answer of API.md §3.</summary>
    public static ProblemHttpResult FromApiException(DodoApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Kind switch
        {
            DodoApiErrorKind.Timeout => TypedResults.Problem(
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "The payment provider did not answer in time.",
                detail: "Dodo Payments did not answer in time. Try again in a moment."),
            DodoApiErrorKind.ErrorResponse when IsAboutTheRequest((int?)exception.StatusCode) => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The payment provider refused the request.",
                detail: exception.ErrorMessage ?? "Dodo Payments refused the request.",
                extensions: new Dictionary<string, object?> { [CodeExtension] = exception.ErrorCode }),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The payment provider is unavailable.",
                detail: "Dodo Payments could not handle the request. Try again later."),
        };
    }

    /// <summary>A 400 naming one field by its wire name.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 400 with every failure of a FluentValidation result, keyed by the property names the validator gave (wire names).</summary>
    public static ValidationProblem Invalid(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors
            .GroupBy(failure => failure.PropertyName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors);
    }

    /// <summary>400, 404, 409 and 422 say what was wrong with the request; 401, 403, 429 and 5xx are the app's or Dodo's trouble.</summary>
    private static bool IsAboutTheRequest(int? status) => status is 400 or 404 or 409 or 422;
}
