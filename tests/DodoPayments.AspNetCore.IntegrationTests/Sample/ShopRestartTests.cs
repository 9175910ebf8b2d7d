using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The sample stopped and started again on the same database: what the shop saved is still there, and the durable
/// webhook store still knows which webhook-ids it processed, so a redelivery after the restart runs no handler.
/// </summary>
public sealed class ShopRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-sample-restart-").FullName;

    public void Dispose() => SampleFactory.DeleteFolder(_folder);

    [Fact]
    public async Task Restart_SameDatabase_KeepsTheOrdersAndDoesNotRunARedeliveredProcessedWebhookAgain()
    {
        // Arrange: the first run sells the e-book and handles its payment webhook
        const string WebhookId = "msg_before_restart";
        string body;
        string orderId;
        await using (var before = SampleFactory.InFolder(_folder))
        {
            using var shop = await before.CreateSignedInClientAsync();
            using var checkout = await shop.PostAsync("/api/checkout", new StringContent("""{"product_cart":[{"product_id":"pdt_field_guide","quantity":1}]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
            orderId = (string)JsonNode.Parse(before.StandIn.Requests.Last(request => request.Path == "/checkouts").Body)!["metadata"]!["order_id"]!;
            body = ShopWebhookEvents.Payment("payment.succeeded", "pay_restart", orderId, "user_demo", "cus_restart");
            using var delivered = await before.SendSignedWebhookAsync(body, WebhookId);
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
            await before.WaitUntilProcessedAsync(WebhookId);
        }

        // Act: a new app on the same database file; Dodo delivers the same webhook again (signed with the new key)
        await using var after = SampleFactory.InFolder(_folder);
        using var redelivered = await after.SendSignedWebhookAsync(body, WebhookId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        using var client = await after.CreateSignedInClientAsync();
        using var orders = JsonDocument.Parse(await client.GetStringAsync("/api/orders"));
        var order = Assert.Single(orders.RootElement.GetProperty("orders").EnumerateArray());
        Assert.Equal(orderId, order.GetProperty("orderId").GetString());
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal("pay_restart", order.GetProperty("paymentId").GetString());
        // The redelivery added nothing to the inbox, and the handlers (one log line per run) did not run again.
        var webhook = Assert.Single(orders.RootElement.GetProperty("webhooks").EnumerateArray(), entry => entry.GetProperty("webhookId").GetString() == WebhookId);
        Assert.Equal("processed", webhook.GetProperty("state").GetString());
        Assert.Equal(1, webhook.GetProperty("attempts").GetInt32());
        Assert.Equal(1, await after.WithDbAsync(db => db.WebhookLog.CountAsync(entry => entry.WebhookId == WebhookId)));
        using var account = JsonDocument.Parse(await client.GetStringAsync("/api/account"));
        Assert.Equal("cus_restart", account.RootElement.GetProperty("customerId").GetString());
    }
}
