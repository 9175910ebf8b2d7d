using System.Globalization;
using System.Net;
using System.Text;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// The <c>StandardWebhooks</c> NuGet package (1.1.2) as an independent oracle: what it signs, our endpoint verifies, and
/// what our signer signs, it verifies. It is not fit to verify Dodo's deliveries itself (DODO.md §6.3): it never
/// checks the last signature of a rotation header, which the last test pins down against our behaviour.
/// </summary>
public sealed class StandardWebhooksOracleTests
{
    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, """{"test": 2432232314}""", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", 1649367553L, """{"email":"test@example.com","username":"test_user"}""", "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=")]
    public void Sign_PublishedVector_OracleAndOurSignerAgreeWithIt(string secret, string id, long timestamp, string body, string expected)
    {
        // Arrange
        var at = DateTimeOffset.FromUnixTimeSeconds(timestamp);

        // Act
        var oracle = new StandardWebhook(secret).Sign(id, at, body);
        var ours = new DodoWebhookSigner(secret).Sign(id, at, body);

        // Assert
        Assert.Equal(expected, oracle);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public async Task Endpoint_DeliveriesSignedByTheOracle_AreVerified()
    {
        // Arrange: random bodies (seeded, so a failure repeats), non-ASCII text included.
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var oracle = new StandardWebhook(DodoTestApp.Secret);
        var random = new Random(20261130);
        const string Alphabet = "abcXYZ019 _-.,:;!?\"\\/{}[]éßøЖ中文😀\t";

        for (var i = 0; i < 25; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 400)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            var body = DodoTestApp.Envelope("oracle.test", $$"""{"text":{{System.Text.Json.JsonSerializer.Serialize(text)}}}""");
            var id = $"msg_oracle_{i}";
            var at = host.Clock.GetUtcNow();
            using var request = new HttpRequestMessage(HttpMethod.Post, DodoTestApp.WebhookRoute) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", oracle.Sign(id, at, body));

            // Act
            using var response = await host.Client.SendAsync(request);

            // Assert
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public void OracleVerify_DeliveryFromOurSigner_Passes()
    {
        // Arrange: the oracle reads the real clock, so our signer signs now.
        var body = DodoTestApp.PaymentSucceeded();
        var signer = new DodoWebhookSigner(DodoTestApp.Secret);
        var headers = SignedHeaders(signer, "msg_ours", body);

        // Act
        var verify = () => new StandardWebhook(DodoTestApp.Secret).Verify(body, headers);

        // Assert
        var thrown = Record.Exception(verify);
        Assert.Null(thrown);
    }

    [Fact]
    public async Task RotationHeader_ValidSignatureLast_OracleRejectsButWeAccept()
    {
        // Arrange: during a rotation Dodo signs with the old and the new secret; here the valid one is last.
        var body = DodoTestApp.PaymentSucceeded("pay_rotation");
        var wrong = new DodoWebhookSigner(DodoTestApp.OtherSecret);
        var right = new DodoWebhookSigner(DodoTestApp.Secret);
        var now = DateTimeOffset.UtcNow;
        var header = $"{wrong.Sign("msg_rotation", now, body)} {right.Sign("msg_rotation", now, body)}";
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "msg_rotation",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = header,
        };
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var hostNow = host.Clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, DodoTestApp.WebhookRoute) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", "msg_rotation");
        request.Headers.Add("webhook-timestamp", hostNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", $"{wrong.Sign("msg_rotation", hostNow, body)} {right.Sign("msg_rotation", hostNow, body)}");

        // Act
        var oracle = Record.Exception(() => new StandardWebhook(DodoTestApp.Secret).Verify(body, headers));
        using var ours = await host.Client.SendAsync(request);

        // Assert: the oracle's loop stops before the last entry (the defect DODO.md §6.3 describes); we check every entry.
        Assert.IsType<WebhookVerificationException>(oracle);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
    }

    private static HeaderDictionary SignedHeaders(DodoWebhookSigner signer, string id, string body)
    {
        var now = DateTimeOffset.UtcNow;
        return new HeaderDictionary
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = signer.Sign(id, now, body),
        };
    }
}
