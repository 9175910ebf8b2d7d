using System.Runtime.InteropServices;
using System.Text.Json;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>Why a verified delivery could not become an event (each answered 400).</summary>
internal enum WebhookReadFailure
{
    /// <summary>Read.</summary>
    None,

    /// <summary>The body is not JSON.</summary>
    NotJson,

    /// <summary>The body is JSON but not an object.</summary>
    NotAnObject,

    /// <summary>The envelope has no <c>type</c>, or it is not a non-empty string.</summary>
    TypeMissing,

    /// <summary>The <c>webhook-id</c> is longer than <see cref="WebhookEventReader.MaxWebhookIdLength"/> characters.</summary>
    IdTooLong,

    /// <summary>A known type whose <c>data</c> is missing or not an object.</summary>
    DataNotAnObject,

    /// <summary>A known type whose <c>data</c> lacks the id that identifies it.</summary>
    DataWithoutId,

    /// <summary>A known type whose <c>data</c> has a field of the wrong shape (e.g. an amount that is not a number).</summary>
    DataUnreadable,
}

/// <summary>
/// Reads a verified body: the envelope <c>{business_id, type, timestamp, data}</c>, then <c>data</c> through the
/// descriptor of its type (<see cref="WebhookEventRegistry.Find"/>: known types as their model, others as
/// <see cref="UnknownWebhookEvent"/>). No reflection.
/// </summary>
internal static class WebhookEventReader
{
    /// <summary>The longest <c>webhook-id</c> accepted (Dodo's are about 30 characters); a longer one is answered 400.</summary>
    public const int MaxWebhookIdLength = 256;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // The one-pass read refuses comments (skipping them sends every token through the reader's slower comment-aware
    // path: 7 % of a delivery's CPU); a body with comments goes the document way, which reads it as before. Without
    // comments both read the same tokens, so the one-pass read accepts exactly what the document read accepts.
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The result of <see cref="Read"/>: the event and its descriptor, or why it could not be read.</summary>
    public readonly record struct Result(WebhookEvent? Event, WebhookEventDescriptor? Descriptor, WebhookReadFailure Failure, string Type = "");

    /// <summary>Reads <paramref name="body"/>; nothing returned refers to it afterwards (raw data is copied).</summary>
    /// <param name="body">The verified body.</param>
    /// <param name="webhookId">The verified <c>webhook-id</c>.</param>
    /// <param name="fallbackTimestamp">The verified <c>webhook-timestamp</c>, used when the envelope has none.</param>
    public static Result Read(ReadOnlyMemory<byte> body, string webhookId, DateTimeOffset fallbackTimestamp)
    {
        if (webhookId.Length > MaxWebhookIdLength)
        {
            return new Result(null, null, WebhookReadFailure.IdTooLong);
        }

        if (TryReadInOnePass(body.Span, webhookId, fallbackTimestamp) is { } read)
        {
            return read;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            return new Result(null, null, WebhookReadFailure.NotJson);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Result(null, null, WebhookReadFailure.NotAnObject);
            }

            var type = ReadString(root, "type");
            if (string.IsNullOrEmpty(type))
            {
                return new Result(null, null, WebhookReadFailure.TypeMissing);
            }

            var descriptor = WebhookEventRegistry.Find(type);
            root.TryGetProperty("data", out var data);
            var webhookEvent = descriptor.Read(data, out var failure);
            if (webhookEvent is null)
            {
                return new Result(null, descriptor, failure, type);
            }

            var timestamp = root.TryGetProperty("timestamp", out var timestampElement)
                && timestampElement.ValueKind == JsonValueKind.String
                && timestampElement.TryGetDateTimeOffset(out var parsed)
                    ? parsed
                    : fallbackTimestamp;
            var businessId = ReadString(root, "business_id") ?? string.Empty;
            if (webhookEvent is UnknownWebhookEvent unknown)
            {
                webhookEvent.SetEnvelope(webhookId, type, businessId, timestamp, unknown.Data);
            }
            else
            {
                // The bytes of data only (no cloned document): RawData parses them if a handler asks.
                webhookEvent.SetEnvelope(webhookId, type, businessId, timestamp, JsonMarshal.GetRawUtf8Value(data).ToArray());
            }

            return new Result(webhookEvent, descriptor, WebhookReadFailure.None, type);
        }
    }

    /// <summary>
    /// The usual delivery in one pass of a <see cref="Utf8JsonReader"/>: a known <c>type</c> before an object
    /// <c>data</c>, read into its model where it lies, each envelope field once. Null for anything else (an unknown
    /// type, <c>type</c> after <c>data</c>, a field given twice, data the model cannot read, comments, invalid JSON): the
    /// document read then answers it as it always has.
    /// </summary>
    private static Result? TryReadInOnePass(ReadOnlySpan<byte> body, string webhookId, DateTimeOffset fallbackTimestamp)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        string? type = null;
        string? businessId = null;
        DateTimeOffset? timestamp = null;
        WebhookEventDescriptor? descriptor = null;
        WebhookEvent? webhookEvent = null;
        var dataStart = 0;
        var dataEnd = 0;
        var seen = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("type"u8) ? 1
                    : reader.ValueTextEquals("data"u8) ? 2
                    : reader.ValueTextEquals("timestamp"u8) ? 4
                    : reader.ValueTextEquals("business_id"u8) ? 8
                    : 0;
                if ((seen & field) != 0)
                {
                    return null; // The document read keeps the last of duplicate fields.
                }

                seen |= field;
                reader.Read();
                switch (field)
                {
                    case 1 when reader.TokenType == JsonTokenType.String:
                        type = reader.GetString();
                        break;
                    case 1:
                        return null;
                    case 2:
                        if (string.IsNullOrEmpty(type) || reader.TokenType != JsonTokenType.StartObject)
                        {
                            return null;
                        }

                        descriptor = WebhookEventRegistry.Find(type);
                        dataStart = (int)reader.TokenStartIndex;
                        webhookEvent = descriptor.TryRead(ref reader);
                        if (webhookEvent is null)
                        {
                            return null;
                        }

                        dataEnd = (int)reader.BytesConsumed;
                        break;
                    case 4:
                        timestamp = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var parsed) ? parsed : null;
                        reader.Skip();
                        break;
                    case 8:
                        businessId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // The object must end the body: nothing but whitespace after it (comments send the body the document way).
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        if (webhookEvent is null)
        {
            return null;
        }

        // The bytes of data only: RawData parses them if a handler asks.
        webhookEvent.SetEnvelope(webhookId, type!, businessId ?? string.Empty, timestamp ?? fallbackTimestamp, body[dataStart..dataEnd].ToArray());
        return new Result(webhookEvent, descriptor, WebhookReadFailure.None, type!);
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}
