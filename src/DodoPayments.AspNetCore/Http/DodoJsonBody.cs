using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// Reads a JSON request body with source-generated type info, the one way every endpoint with a body reads it: a body
/// that is not JSON, or has a value of the wrong type, is a 400 naming the field instead of an exception.
/// </summary>
/// <remarks>
/// Front ends written for Dodo's official adaptors do not always send <c>Content-Type: application/json</c> (their
/// servers parse the body whatever the header says, and <c>fetch</c> sends a string body as <c>text/plain</c>), so
/// a JSON body is read when the header is JSON, <c>text/plain</c> or absent. An empty body reads as <c>{}</c>, so the
/// validator names the fields that are missing.
/// </remarks>
internal static class DodoJsonBody
{
    /// <summary>The error key for a problem with the body as a whole.</summary>
    public const string BodyKey = "body";

    private static readonly string[] AcceptedContentTypes = ["application/json", "text/plain", "*/*"];

    /// <summary>The <see cref="IAcceptsMetadata"/> describing the body in OpenAPI; optional, so a body sent without a <c>Content-Type</c> is still routed.</summary>
    public static IAcceptsMetadata Accepts(Type requestType) => new AcceptsMetadata(AcceptedContentTypes, requestType, isOptional: true);

    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!IsReadableAsJson(request.ContentType))
        {
            return (null, DodoProblems.Invalid(BodyKey, "Send the body as JSON, with Content-Type: application/json."));
        }

        try
        {
            var value = await IsEmptyAsync(request).ConfigureAwait(false)
                ? JsonSerializer.Deserialize("{}"u8, typeInfo)
                : await JsonSerializer.DeserializeAsync(request.BodyReader.AsStream(), typeInfo, request.HttpContext.RequestAborted).ConfigureAwait(false);
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

    private static bool IsReadableAsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        return mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the body is empty, without consuming it (a chunked body has no length to tell). It peeks through
    /// <see cref="HttpRequest.BodyReader"/>, so the body is then read through it too, never past what was peeked.
    /// </summary>
    private static async Task<bool> IsEmptyAsync(HttpRequest request)
    {
        if (request.ContentLength is { } length)
        {
            return length == 0;
        }

        var read = await request.BodyReader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var empty = read.Buffer.IsEmpty && read.IsCompleted;
        request.BodyReader.AdvanceTo(read.Buffer.Start);
        return empty;
    }
}
