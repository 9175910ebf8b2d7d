using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>
/// Signs webhook deliveries the way Dodo Payments does (Standard Webhooks), for tests of an app's own handlers:
/// post a signed request to the app's webhook endpoint and it is verified like a real delivery.
/// </summary>
/// <example>
/// <code>
/// var signer = new DodoWebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"); // the app's DodoPayments:WebhookKey
/// using var request = signer.CreateRequest("/api/webhook", """{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2025-01-01T00:00:00Z","data":{"payment_id":"pay_1"}}""");
/// var response = await client.SendAsync(request);
/// </code>
/// </example>
public sealed class DodoWebhookSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a signer for <paramref name="secret"/>: <c>whsec_&lt;base64&gt;</c> as the dashboard shows it, or bare base64.</summary>
    /// <param name="secret">The webhook secret the app is configured with.</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or not base64.</exception>
    public DodoWebhookSigner(string secret)
        : this(secret, TimeProvider.System)
    {
    }

    /// <summary>Creates a signer whose default <c>webhook-timestamp</c> comes from <paramref name="timeProvider"/> (the app's clock in tests that move it).</summary>
    /// <param name="secret">The webhook secret the app is configured with.</param>
    /// <param name="timeProvider">The clock of requests signed without an explicit timestamp.</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or not base64.</exception>
    public DodoWebhookSigner(string secret, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (!WebhookSecret.TryDecode(secret, out _key))
        {
            throw new ArgumentException("The webhook secret must be whsec_<base64> or base64.", nameof(secret));
        }
    }

    /// <summary>The <c>webhook-signature</c> value for a delivery: <c>v1,&lt;base64&gt;</c>.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The time sent as <c>webhook-timestamp</c> (whole seconds).</param>
    /// <param name="body">The exact body sent (UTF-8).</param>
    /// <returns>The signature header value.</returns>
    public string Sign(string webhookId, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentNullException.ThrowIfNull(body);
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{ToUnixSeconds(timestamp)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, content));
    }

    /// <summary>
    /// A signed <c>POST</c> of <paramref name="body"/> (<c>application/json</c>) with the <c>webhook-id</c>,
    /// <c>webhook-timestamp</c> and <c>webhook-signature</c> headers.
    /// </summary>
    /// <param name="requestUri">The app's webhook endpoint, e.g. <c>/api/webhook</c>.</param>
    /// <param name="body">The JSON body, sent as is.</param>
    /// <param name="webhookId">The <c>webhook-id</c>; a new <c>msg_…</c> id when null.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>; now when null.</param>
    /// <returns>The request, to send with an <see cref="HttpClient"/>.</returns>
    public HttpRequestMessage CreateRequest(string requestUri, string body, string? webhookId = null, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(requestUri, UriKind.RelativeOrAbsolute))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        AddHeaders(request, body, webhookId, timestamp);
        return request;
    }

    /// <summary>Adds the three signature headers to <paramref name="request"/>, signing <paramref name="body"/>.</summary>
    /// <param name="request">The request to sign; its content must be exactly <paramref name="body"/>.</param>
    /// <param name="body">The body the request carries.</param>
    /// <param name="webhookId">The <c>webhook-id</c>; a new <c>msg_…</c> id when null.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>; now when null.</param>
    public void AddHeaders(HttpRequestMessage request, string body, string? webhookId = null, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var sentAt = timestamp ?? _timeProvider.GetUtcNow();
        request.Headers.Remove("webhook-id");
        request.Headers.Remove("webhook-timestamp");
        request.Headers.Remove("webhook-signature");
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", ToUnixSeconds(sentAt));
        request.Headers.TryAddWithoutValidation("webhook-signature", Sign(id, sentAt, body));
    }

    private static string ToUnixSeconds(DateTimeOffset timestamp) => timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
