using System.Globalization;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Instances;

/// <summary>Signed <c>payment.succeeded</c> deliveries, as Dodo sends them, for the app instances of the tests.</summary>
internal static class Deliveries
{
    /// <summary>The webhook secret of every instance: the one tests/DodoPayments.AspNetCore.LoadApp is built with.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly DodoWebhookSigner Signer = new(Secret);

    /// <summary>A new request carrying the delivery of <paramref name="webhookId"/> (the same body every time).</summary>
    public static HttpRequestMessage Create(string webhookId) =>
        Signer.CreateRequest("/api/webhook", string.Create(CultureInfo.InvariantCulture, $$"""
            {"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z",
             "data":{"payment_id":"pay_{{webhookId}}","total_amount":2599,"currency":"USD","customer":{"customer_id":"cus_1","email":"ann@example.com"} } }
            """), webhookId);

    /// <summary>Posts the delivery of <paramref name="webhookId"/>; returns the status code.</summary>
    public static async Task<int> PostAsync(HttpClient client, string webhookId, CancellationToken cancellationToken = default)
    {
        using var request = Create(webhookId);
        using var response = await client.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Posts the delivery of <paramref name="webhookId"/> until it is answered 200 (409 means another claim is live).</summary>
    public static async Task PostUntilOkAsync(HttpClient client, string webhookId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var answers = new List<int>();
        while (true)
        {
            var status = await PostAsync(client, webhookId);
            answers.Add(status);
            if (status == 200)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The delivery of {webhookId} was not answered 200 within {timeout}; answers: {string.Join(", ", answers)}.");
            }

            // Polling the condition, as Dodo's retries would; the next answer decides.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
