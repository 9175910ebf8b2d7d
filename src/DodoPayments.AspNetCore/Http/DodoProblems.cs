using DodoPayments.AspNetCore.Api;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// The ProblemDetails every endpoint answers with, so each failure looks the same from every endpoint:
/// 400 for what the request (or Dodo, about the request) got wrong, 502 when Dodo failed, could not be reached or
/// answered something unusable, 504 when it did not answer in time. Nothing here carries the API key or Dodo's
/// internals; Dodo's own <c>message</c> is shown only in Development (it is always logged by the API client).
/// </summary>
internal static class DodoProblems
{
    /// <summary>The ProblemDetails extension carrying Dodo's error <c>code</c> on a 400.</summary>
    public const string CodeExtension = "code";

    /// <summary>
    /// Turns a failed API call into the answer of API.md §3. Dodo's <c>code</c> is always in a 400 (extension
    /// <c>code</c>); its <c>message</c> becomes the <c>detail</c> only when the app runs in Development (the
    /// <see cref="IHostEnvironment"/> of <paramref name="httpContext"/>'s services), as it can name Dodo's internals or
    /// echo what was sent.
    /// </summary>
    public static ProblemHttpResult FromApiException(DodoApiException exception, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(httpContext);
        return exception.Kind switch
        {
            DodoApiErrorKind.Timeout => TypedResults.Problem(
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "The payment provider did not answer in time.",
                detail: "Dodo Payments did not answer in time. Try again in a moment."),
            DodoApiErrorKind.ErrorResponse when IsAboutTheRequest((int?)exception.StatusCode) => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The payment provider refused the request.",
                detail: (IsDevelopment(httpContext) ? exception.ErrorMessage : null) ?? "Dodo Payments refused the request.",
                extensions: new Dictionary<string, object?> { [CodeExtension] = exception.ErrorCode }),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The payment provider is unavailable.",
                detail: "Dodo Payments could not handle the request. Try again later."),
        };
    }

    /// <summary>The app's hook refused the request: its problem, 400 unless it chose another status, with <paramref name="title"/> when it gave none.</summary>
    public static ProblemHttpResult FromHook(ProblemDetails problem, string title)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Status ??= StatusCodes.Status400BadRequest;
        problem.Title ??= title;
        return TypedResults.Problem(problem);
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

    private static bool IsDevelopment(HttpContext httpContext) =>
        httpContext.RequestServices?.GetService<IHostEnvironment>()?.IsDevelopment() == true;

    /// <summary>400, 404, 409 and 422 say what was wrong with the request; 401, 403, 429 and 5xx are the app's or Dodo's trouble.</summary>
    private static bool IsAboutTheRequest(int? status) => status is 400 or 404 or 409 or 422;
}
