using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>Webhook delivery of the stand-in: signed as Dodo signs them, retried on failure as Dodo retries them (sooner).</summary>
public sealed partial class DodoApiStandIn
{
    private readonly ConcurrentQueue<StandInWebhookDelivery> _deliveries = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _retries = new();
    private HttpClient? _ownWebhookClient;

    /// <summary>
    /// The app's webhook endpoint, such as <c>http://127.0.0.1:5080/api/webhook</c>; the simulated checkout page sends
    /// its webhooks there. Relative when <see cref="WebhookClient"/> has a base address.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The app's <c>DodoPayments:WebhookKey</c>, to sign deliveries with.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The client deliveries go through (a <c>WebApplicationFactory</c> client, say); by default the stand-in's own.</summary>
    public HttpClient? WebhookClient { get; set; }

    /// <summary>
    /// The waits between attempts after the first: Dodo retries any non-2xx answer or failed delivery with the same
    /// <c>webhook-id</c> (after 5 s, 5 min, 30 min, …); the stand-in does the same, sooner. Default 1 s, 2 s, 5 s, 10 s, 30 s.
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>Every delivery attempt so far, oldest first.</summary>
    public IReadOnlyList<StandInWebhookDelivery> WebhookDeliveries => [.. _deliveries];

    /// <summary>
    /// Sends one event to <see cref="WebhookUrl"/>: the envelope <c>{business_id, type, timestamp, data}</c>, signed with
    /// <see cref="WebhookSecret"/>. The first attempt is awaited; when it fails, the retries go on in the background.
    /// </summary>
    /// <param name="type">The event type, such as <c>payment.succeeded</c>.</param>
    /// <param name="data">The event's <c>data</c>.</param>
    /// <param name="cancellationToken">Cancels the first attempt.</param>
    /// <returns>The <c>webhook-id</c> of the event.</returns>
    public async Task<string> SendWebhookAsync(string type, JsonObject data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(data);
        var url = WebhookUrl ?? throw new InvalidOperationException("Set WebhookUrl to the app's webhook endpoint before sending webhooks.");
        var signer = new DodoWebhookSigner(
            WebhookSecret ?? throw new InvalidOperationException("Set WebhookSecret to the app's DodoPayments:WebhookKey before sending webhooks."),
            TimeProvider);
        var webhookId = NextId("msg");
        var body = new JsonObject
        {
            ["business_id"] = BusinessId,
            ["type"] = type,
            ["timestamp"] = Iso(TimeProvider.GetUtcNow()),
            ["data"] = data,
        }.ToJsonString();

        if (!await DeliverAsync(url, signer, webhookId, type, body, attempt: 1, cancellationToken).ConfigureAwait(false))
        {
            var retries = RetryAsync(url, signer, webhookId, type, body);
            _retries.TryAdd(retries, 0);
            _ = retries.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _retries, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return webhookId;
    }

    /// <summary>
    /// Waits until every webhook whose first attempt failed has been retried to success or through its last retry, so a
    /// test can assert what was delivered without sleeping.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when no retry is scheduled.</returns>
    public async Task WaitForWebhookRetriesAsync(CancellationToken cancellationToken = default)
    {
        while (!_retries.IsEmpty)
        {
            await Task.WhenAll(_retries.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends events the way Dodo does after an API call: later, not as part of the call's answer, one after the other
    /// (each after the first attempt of the one before). Nothing is sent unless <see cref="WebhookUrl"/> and
    /// <see cref="WebhookSecret"/> are set.
    /// </summary>
    private void NotifyInBackground(IReadOnlyList<(string Type, JsonObject Data)> events)
    {
        if (WebhookUrl is not null && WebhookSecret is not null)
        {
            _ = Task.Run(async () =>
            {
                foreach (var (type, data) in events)
                {
                    await SendWebhookAsync(type, data, _stopping.Token).ConfigureAwait(false);
                }
            });
        }
    }

    private async Task RetryAsync(Uri url, DodoWebhookSigner signer, string webhookId, string type, string body)
    {
        var attempt = 1;
        foreach (var delay in WebhookRetryDelays)
        {
            try
            {
                await Task.Delay(delay, TimeProvider, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await DeliverAsync(url, signer, webhookId, type, body, ++attempt, _stopping.Token).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>One attempt, signed afresh (a retry carries the time it is sent), recorded whatever happens.</summary>
    private async Task<bool> DeliverAsync(Uri url, DodoWebhookSigner signer, string webhookId, string type, string body, int attempt, CancellationToken cancellationToken)
    {
        var client = WebhookClient ?? LazyInitializer.EnsureInitialized(ref _ownWebhookClient, () => new HttpClient { Timeout = TimeSpan.FromSeconds(15) });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signer.AddHeaders(request, body, webhookId);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _deliveries.Enqueue(new StandInWebhookDelivery(webhookId, type, attempt, (int)response.StatusCode, response.IsSuccessStatusCode));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _deliveries.Enqueue(new StandInWebhookDelivery(webhookId, type, attempt, StatusCode: null, Succeeded: false));
            return false;
        }
    }
}
