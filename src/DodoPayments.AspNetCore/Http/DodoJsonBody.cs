using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. At most <paramref name="maxBodySize"/> bytes are read: a larger body
    /// (by its <c>Content-Length</c>, or once more arrives) is refused with 413 without being read whole. With
    /// <paramref name="requireJsonContentType"/> (endpoints acting for a signed-in user), only <c>application/json</c>
    /// is read and anything else is refused with 415, so a cross-site form cannot drive the endpoint.
    /// </summary>
    /// <returns>The value, or a 400 naming the field (<c>Invalid</c>), or a 413/415 (<c>Refused</c>).</returns>
    public static async Task<(T? Value, ValidationProblem? Invalid, ProblemHttpResult? Refused)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, long maxBodySize, bool requireJsonContentType = false)
        where T : class
    {
        if (requireJsonContentType ? !IsJson(request.ContentType) : !IsReadableAsJson(request.ContentType))
        {
            return requireJsonContentType
                ? (null, null, TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Send the body as JSON.",
                    detail: "This endpoint accepts only Content-Type: application/json."))
                : (null, DodoProblems.Invalid(BodyKey, "Send the body as JSON, with Content-Type: application/json."), null);
        }

        if (request.ContentLength > maxBodySize)
        {
            return (null, null, TooLarge(maxBodySize));
        }

        // Let the server enforce the same limit while reading, whatever its own default (Kestrel's is 30 MB).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = maxBodySize;
        }

        var reader = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (read.Buffer.Length > maxBodySize)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    return (null, null, TooLarge(maxBodySize));
                }

                if (read.IsCompleted)
                {
                    break;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, null, TooLarge(maxBodySize));
        }

        try
        {
            var value = read.Buffer.IsEmpty
                ? JsonSerializer.Deserialize("{}"u8, typeInfo)
                : Deserialize(read.Buffer, typeInfo);
            return value is null
                ? (null, DodoProblems.Invalid(BodyKey, "The body must be a JSON object."), null)
                : (value, null, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? $" (line {line + 1}, position {position + 1})"
                : string.Empty;

            // A syntax error comes wrapped around the reader's own JsonException; a value of the wrong type does not.
            return exception.InnerException is JsonException || WireName(exception.Path) == BodyKey
                ? (null, DodoProblems.Invalid(BodyKey, $"The body is not valid JSON{where}."), null)
                : (null, DodoProblems.Invalid(WireName(exception.Path), $"The value has the wrong type{where}."), null);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static T? Deserialize<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> typeInfo)
    {
        var json = new Utf8JsonReader(body);
        return JsonSerializer.Deserialize(ref json, typeInfo);
    }

    private static ProblemHttpResult TooLarge(long maxBodySize) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"The body may be at most {maxBodySize} bytes (DodoPayments:MaxRequestBodySize).");

    /// <summary><c>$.product_cart[0].quantity</c> → <c>product_cart[0].quantity</c>; <c>$</c> or nothing → <c>body</c>.</summary>
    internal static string WireName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return BodyKey;
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

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
}
