using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>Why a verified body could not become an event (each answered 400).</summary>
internal enum WebhookReadFailure
{
    /// <summary>Read.</summary>
    None,

    /// <summary>The body is not JSON.</summary>
    NotJson,

    /// <summary>The body is JSON but not an object.</summary>
    NotAnObject,

    /// <summary>A known type whose <c>data</c> is missing or not an object.</summary>
    DataNotAnObject,

    /// <summary>A known type whose <c>data</c> lacks the id that identifies it.</summary>
    DataWithoutId,

    /// <summary>A known type whose <c>data</c> has a field of the wrong shape (e.g. an amount that is not a number).</summary>
    DataUnreadable,
}

/// <summary>
/// Reads a verified body: the envelope <c>{business_id, type, timestamp, data}</c>, then <c>data</c> as the model of
/// its type, looked up in <see cref="WebhookEventRegistry"/> (no reflection). Unknown types become <see cref="UnknownWebhookEvent"/>.
/// </summary>
internal static class WebhookEventReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The result of <see cref="Read"/>: the event and how to dispatch it, or why it could not be read.</summary>
    public readonly record struct Result(WebhookEvent? Event, WebhookEventDescriptor? Descriptor, WebhookReadFailure Failure, string Type = "");

    /// <summary>Reads <paramref name="body"/>; nothing returned refers to it afterwards (raw data is copied).</summary>
    /// <param name="body">The verified body.</param>
    /// <param name="webhookId">The verified <c>webhook-id</c>.</param>
    /// <param name="fallbackTimestamp">The verified <c>webhook-timestamp</c>, used when the envelope has none.</param>
    public static Result Read(ReadOnlyMemory<byte> body, string webhookId, DateTimeOffset fallbackTimestamp)
    {
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

            var type = ReadString(root, "type") ?? string.Empty;
            var businessId = ReadString(root, "business_id") ?? string.Empty;
            var timestamp = root.TryGetProperty("timestamp", out var timestampElement)
                && timestampElement.ValueKind == JsonValueKind.String
                && timestampElement.TryGetDateTimeOffset(out var parsed)
                    ? parsed
                    : fallbackTimestamp;
            var hasData = root.TryGetProperty("data", out var data);

            if (!WebhookEventRegistry.Descriptors.TryGetValue(type, out var descriptor))
            {
                var raw = hasData ? data.Clone() : default;
                var unknown = new UnknownWebhookEvent { Data = raw };
                unknown.SetEnvelope(webhookId, type, businessId, timestamp, raw);
                return new Result(unknown, null, WebhookReadFailure.None, type);
            }

            if (!hasData || data.ValueKind != JsonValueKind.Object)
            {
                return new Result(null, descriptor, WebhookReadFailure.DataNotAnObject, type);
            }

            WebhookEvent? webhookEvent;
            try
            {
                webhookEvent = descriptor.Read(data);
            }
            catch (JsonException)
            {
                return new Result(null, descriptor, WebhookReadFailure.DataUnreadable, type);
            }

            if (webhookEvent is null)
            {
                return new Result(null, descriptor, WebhookReadFailure.DataWithoutId, type);
            }

            webhookEvent.SetEnvelope(webhookId, type, businessId, timestamp, data.Clone());
            return new Result(webhookEvent, descriptor, WebhookReadFailure.None, type);
        }
    }

    /// <summary>Runs the handlers of <paramref name="result"/>'s event; returns how many ran.</summary>
    public static Task<int> DispatchAsync(Result result, IServiceProvider services, CancellationToken cancellationToken) =>
        result.Descriptor is { } descriptor
            ? descriptor.DispatchAsync(services, result.Event!, cancellationToken)
            : WebhookDispatcher.DispatchAsync(
                (UnknownWebhookEvent)result.Event!,
                services.GetServices<IWebhookHandler<UnknownWebhookEvent>>(),
                [],
                services,
                cancellationToken);

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}
