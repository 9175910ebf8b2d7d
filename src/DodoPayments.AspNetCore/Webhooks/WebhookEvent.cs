using System.Text.Json;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// A verified webhook delivery from Dodo Payments: the envelope every event shares. Handlers of
/// <c>IWebhookHandler&lt;WebhookEvent&gt;</c> (catch-all) receive every event, known or not.
/// </summary>
/// <remarks>
/// Known types arrive as their own class (<see cref="PaymentSucceededEvent"/> …) with a typed <c>Data</c>;
/// types the package does not know yet arrive as <see cref="UnknownWebhookEvent"/>.
/// </remarks>
public abstract class WebhookEvent
{
    private string _id = string.Empty;
    private string _type = string.Empty;
    private string _businessId = string.Empty;
    private DateTimeOffset _timestamp;
    private JsonElement _rawData;

    // The raw data of a known event, kept as bytes and parsed on first use: most handlers read the typed Data only.
    private byte[]? _rawDataUtf8;

    // As lenient as the read of the delivery that accepted the bytes (comments, trailing commas).
    private static readonly JsonReaderOptions RawDataOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The <c>webhook-id</c> header: unique per event, the same on every redelivery (the idempotency key).</summary>
    public string Id { get => _id; init => _id = value; }

    /// <summary>The event type, e.g. <c>payment.succeeded</c>.</summary>
    public string Type { get => _type; init => _type = value; }

    /// <summary>The <c>business_id</c> of the envelope: the Dodo business the event belongs to.</summary>
    public string BusinessId { get => _businessId; init => _businessId = value; }

    /// <summary>When the event occurred (the envelope's <c>timestamp</c>; the <c>webhook-timestamp</c> header when it is absent).</summary>
    public DateTimeOffset Timestamp { get => _timestamp; init => _timestamp = value; }

    /// <summary>
    /// The raw JSON of <c>data</c>, for fields the typed model does not have. It is a copy owned by the event, so it
    /// stays valid after the request ends; <see cref="JsonValueKind.Undefined"/> when the envelope had no <c>data</c>.
    /// </summary>
    public JsonElement RawData
    {
        get
        {
            if (Volatile.Read(ref _rawDataUtf8) is { } utf8)
            {
                var reader = new Utf8JsonReader(utf8, RawDataOptions);
                _rawData = JsonElement.ParseValue(ref reader);
                Volatile.Write(ref _rawDataUtf8, null);
            }

            return _rawData;
        }

        init => _rawData = value;
    }

    internal void SetEnvelope(string id, string type, string businessId, DateTimeOffset timestamp, JsonElement rawData)
    {
        _id = id;
        _type = type;
        _businessId = businessId;
        _timestamp = timestamp;
        _rawData = rawData;
    }

    /// <summary>Sets the envelope, with the raw <c>data</c> as its UTF-8 JSON, parsed when <see cref="RawData"/> is first read.</summary>
    internal void SetEnvelope(string id, string type, string businessId, DateTimeOffset timestamp, byte[] rawDataUtf8)
    {
        SetEnvelope(id, type, businessId, timestamp, default(JsonElement));
        _rawDataUtf8 = rawDataUtf8;
    }
}
