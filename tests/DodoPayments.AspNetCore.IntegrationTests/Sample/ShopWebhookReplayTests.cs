using System.Net;
using System.Text;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>What <c>POST /api/webhooks/replay</c> refuses: it replays a dead webhook for a signed-in user, from JSON only.</summary>
public sealed class ShopWebhookReplayTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Replay_NotSignedIn_Answers401()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/webhooks/replay", Json("""{"webhookId":"msg_any"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Replay_BodyNotSentAsJson_Answers415ProblemDetails()
    {
        using var shop = await factory.CreateSignedInClientAsync();

        using var response = await shop.PostAsync("/api/webhooks/replay", new StringContent("""{"webhookId":"msg_any"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Replay_UnknownWebhookId_Answers404ProblemDetails()
    {
        using var shop = await factory.CreateSignedInClientAsync();

        using var response = await shop.PostAsync("/api/webhooks/replay", Json("""{"webhookId":"msg_never_received"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Replay_ProcessedWebhook_Answers409AndRunsNothingAgain()
    {
        // Arrange
        using var shop = await factory.CreateSignedInClientAsync();
        var order = await factory.AddOrderAsync("user_replay_test", "E-book", "pdt_field_guide");
        using var delivered = await factory.SendSignedWebhookAsync(
            ShopWebhookEvents.Payment("payment.succeeded", "pay_replay", order.OrderId, "user_replay_test", "cus_replay_test"), "msg_replay_processed");
        var processed = await factory.WaitUntilProcessedAsync("msg_replay_processed");

        // Act
        using var response = await shop.PostAsync("/api/webhooks/replay", Json("""{"webhookId":"msg_replay_processed"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var entry = await factory.FindWebhookAsync("msg_replay_processed");
        Assert.Equal(DodoWebhookInboxState.Processed, entry?.State);
        Assert.Equal(processed.ProcessedAt, entry?.ProcessedAt);
    }
}
