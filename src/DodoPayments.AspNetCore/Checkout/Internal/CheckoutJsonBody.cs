using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using DodoPayments.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// Reads a checkout body with the source-generated type info, so that a body that is not JSON, or has a value of the
/// wrong type, is a 400 naming the field instead of an exception.
/// </summary>
internal static class CheckoutJsonBody
{
    /// <summary>The error key for a problem with the body as a whole.</summary>
    public const string BodyKey = "body";

    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, DodoProblems.Invalid(BodyKey, "Send the body as JSON, with Content-Type: application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, DodoProblems.Invalid(BodyKey, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? $" (line {line + 1}, position {position + 1})"
                : string.Empty;

            // A syntax error comes wrapped around the reader's own JsonException; a value of the wrong type does not.
            return exception.InnerException is JsonException || WireName(exception.Path) == BodyKey
                ? (null, DodoProblems.Invalid(BodyKey, $"The body is not valid JSON{where}."))
                : (null, DodoProblems.Invalid(WireName(exception.Path), $"The value has the wrong type{where}."));
        }
    }

    /// <summary><c>$.product_cart[0].quantity</c> → <c>product_cart[0].quantity</c>; <c>$</c> or nothing → <c>body</c>.</summary>
    internal static string WireName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return BodyKey;
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }
}
