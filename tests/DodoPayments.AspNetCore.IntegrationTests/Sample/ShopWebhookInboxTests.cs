using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The sample in inbox mode: <c>/api/webhook</c> answers 200 once the event is stored, the inbox runs the handlers in
/// the background and retries them, the development switches fail them on purpose, and the orders page shows each
/// event's state and replays a dead one. Each test runs the sample on a database of its own.
/// </summary>
public sealed class ShopWebhookInboxTests
{
    private const string User = "user_inbox_test";
    private const string Customer = "cus_inbox_test";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string PaymentSucceeded(ShopOrder order) =>
        ShopWebhookEvents.Payment("payment.succeeded", "pay_" + order.OrderId, order.OrderId, User, Customer);

    private static Task<int> LogLinesAsync(SampleFactory app, string webhookId) =>
        app.WithDbAsync(db => db.WebhookLog.CountAsync(entry => entry.WebhookId == webhookId));

    private static Task<string?> LinkedCustomerAsync(SampleFactory app) =>
        app.WithDbAsync(db => db.FindCustomerIdAsync(User, CancellationToken.None));

    /// <summary>The row of <paramref name="webhookId"/> in the orders page's webhook table.</summary>
    private static async Task<JsonElement> WebhookRowAsync(HttpClient shop, string webhookId)
    {
        using var orders = JsonDocument.Parse(await shop.GetStringAsync("/api/orders"));
        return Assert.Single(orders.RootElement.GetProperty("webhooks").EnumerateArray(), row => row.GetProperty("webhookId").GetString() == webhookId).Clone();
    }

    /// <summary>Arms "fail every time", delivers a payment for <paramref name="order"/> and waits until the inbox gives up on it.</summary>
    private static async Task<(HttpStatusCode Delivery, DodoWebhookInboxEntry Dead)> DeliverUntilDeadAsync(SampleFactory app, HttpClient shop, ShopOrder order, string webhookId)
    {
        (await shop.PostAsync("/api/dev/fail-next-webhook-always", content: null)).EnsureSuccessStatusCode();
        using var delivery = await app.SendSignedWebhookAsync(PaymentSucceeded(order), webhookId);
        var dead = await app.WaitForWebhookAsync(webhookId, entry => entry.State == DodoWebhookInboxState.Dead);
        return (delivery.StatusCode, dead);
    }

    [Fact]
    public async Task Webhook_SignedDelivery_Answers200AndTheInboxProcessesItOnce()
    {
        // Arrange
        await using var app = new SampleFactory();
        using var shop = await app.CreateSignedInClientAsync();
        var order = await app.AddOrderAsync(User, "E-book", "pdt_field_guide");

        // Act
        using var response = await app.SendSignedWebhookAsync(PaymentSucceeded(order), "msg_inbox_ok");
        var entry = await app.WaitUntilProcessedAsync("msg_inbox_ok");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, entry.Attempts);
        Assert.Null(entry.LastError);
        Assert.Equal(OrderStatus.Paid, (await app.FindOrderAsync(order.OrderId))?.Status);
        var row = await WebhookRowAsync(shop, "msg_inbox_ok");
        Assert.Equal("processed", row.GetProperty("state").GetString());
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        Assert.Equal($"order {order.OrderId}: paid, $19.00", row.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FailOnceSwitch_ThenPayOnTheStandIn_SenderGets200AndTheInboxRetryMarksTheOrderPaid()
    {
        // Arrange
        await using var app = new SampleFactory();
        app.RouteWebhooksThroughTestServer();
        using var shop = await app.CreateSignedInClientAsync();
        using var checkout = await shop.PostAsync("/api/checkout", Json("""{"product_cart":[{"product_id":"pdt_field_guide","quantity":1}]}"""));
        Assert.True(checkout.IsSuccessStatusCode, await checkout.Content.ReadAsStringAsync());
        var checkoutUrl = (string)JsonNode.Parse(await checkout.Content.ReadAsStringAsync())!["checkout_url"]!;
        var orderId = (string)JsonNode.Parse(app.StandIn.Requests.Last(request => request.Path == "/checkouts").Body)!["metadata"]!["order_id"]!;
        (await shop.PostAsync("/api/dev/fail-next-webhook", content: null)).EnsureSuccessStatusCode();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        // Act
        using var paid = await browser.PostAsync(checkoutUrl + "/pay", new FormUrlEncodedContent([]));
        var webhookId = Assert.Single(app.StandIn.WebhookDeliveries, delivery => delivery.Type == "payment.succeeded").WebhookId;
        var entry = await app.WaitUntilProcessedAsync(webhookId);

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        // The sender's one delivery was answered 200: the retry was the inbox's, in the background.
        Assert.Equal([(1, 200)], app.StandIn.WebhookDeliveries.Where(d => d.WebhookId == webhookId).Select(d => (d.Attempt, d.StatusCode ?? 0)));
        Assert.Equal(2, entry.Attempts);
        Assert.Contains("Failing on purpose, once", entry.LastError, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, (await app.FindOrderAsync(orderId))?.Status);
        // The failed attempt saved a log line before it threw; the rollback took it away: one line, the retry's.
        Assert.Equal(1, await LogLinesAsync(app, webhookId));
        var row = await WebhookRowAsync(shop, webhookId);
        Assert.Equal("processed", row.GetProperty("state").GetString());
        Assert.Equal(2, row.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task FailOnceSwitch_FirstAttemptFailed_PendingWithTheErrorAndNothingOfTheAttemptSaved()
    {
        // Arrange: retries an hour apart, so the event stays pending after its failed first attempt
        await using var app = SampleFactory.WithFirstRetryDelay(TimeSpan.FromHours(1));
        using var shop = await app.CreateSignedInClientAsync();
        var order = await app.AddOrderAsync(User, "E-book", "pdt_field_guide");
        (await shop.PostAsync("/api/dev/fail-next-webhook", content: null)).EnsureSuccessStatusCode();
        var sent = DateTimeOffset.UtcNow;

        // Act
        using var response = await app.SendSignedWebhookAsync(PaymentSucceeded(order), "msg_inbox_retry_later");
        var entry = await app.WaitForWebhookAsync("msg_inbox_retry_later", entry => entry.LastError is not null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DodoWebhookInboxState.Pending, entry.State);
        Assert.Equal(1, entry.Attempts);
        Assert.True(entry.NextAttemptAt > sent.AddMinutes(59), $"next attempt at {entry.NextAttemptAt:O}");
        // The handler linked the customer, marked the order paid and saved its log line, then threw: all rolled back.
        var unchanged = await app.FindOrderAsync(order.OrderId);
        Assert.Equal(OrderStatus.Pending, unchanged?.Status);
        Assert.Null(unchanged?.PaymentId);
        Assert.Null(await LinkedCustomerAsync(app));
        Assert.Equal(0, await LogLinesAsync(app, "msg_inbox_retry_later"));
        var row = await WebhookRowAsync(shop, "msg_inbox_retry_later");
        Assert.Equal("pending", row.GetProperty("state").GetString());
        Assert.Equal(1, row.GetProperty("attempts").GetInt32());
        Assert.Contains("Failing on purpose, once", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task FailEveryTimeSwitch_Delivered_Answers200ThenDeadAfterThreeAttemptsWithNothingSaved()
    {
        // Arrange
        await using var app = new SampleFactory();
        using var shop = await app.CreateSignedInClientAsync();
        var order = await app.AddOrderAsync(User, "E-book", "pdt_field_guide");

        // Act
        var (delivery, dead) = await DeliverUntilDeadAsync(app, shop, order, "msg_inbox_dead");

        // Assert
        Assert.Equal(HttpStatusCode.OK, delivery);
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("Failing on purpose, every time", dead.LastError, StringComparison.Ordinal);
        Assert.Null(dead.NextAttemptAt);
        Assert.Equal(OrderStatus.Pending, (await app.FindOrderAsync(order.OrderId))?.Status);
        Assert.Null(await LinkedCustomerAsync(app));
        Assert.Equal(0, await LogLinesAsync(app, "msg_inbox_dead"));
        var row = await WebhookRowAsync(shop, "msg_inbox_dead");
        Assert.Equal("dead", row.GetProperty("state").GetString());
        Assert.Equal(3, row.GetProperty("attempts").GetInt32());
        using var orders = JsonDocument.Parse(await shop.GetStringAsync("/api/orders"));
        Assert.Equal("msg_inbox_dead", orders.RootElement.GetProperty("faults").GetProperty("failingWebhookId").GetString());
    }

    [Fact]
    public async Task Replay_DeadWebhookAfterTheSwitchIsOff_ProcessesItOnceAndMarksTheOrderPaid()
    {
        // Arrange
        await using var app = new SampleFactory();
        using var shop = await app.CreateSignedInClientAsync();
        var order = await app.AddOrderAsync(User, "E-book", "pdt_field_guide");
        await DeliverUntilDeadAsync(app, shop, order, "msg_inbox_replay");
        (await shop.PostAsync("/api/dev/stop-failing-webhooks", content: null)).EnsureSuccessStatusCode();

        // Act
        using var replay = await shop.PostAsync("/api/webhooks/replay", Json("""{"webhookId":"msg_inbox_replay"}"""));
        var entry = await app.WaitUntilProcessedAsync("msg_inbox_replay");

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(1, entry.Attempts);
        var paid = await app.FindOrderAsync(order.OrderId);
        Assert.Equal(OrderStatus.Paid, paid?.Status);
        Assert.Equal("pay_" + order.OrderId, paid?.PaymentId);
        Assert.Equal(Customer, await LinkedCustomerAsync(app));
        Assert.Equal(1, await LogLinesAsync(app, "msg_inbox_replay"));
        Assert.Equal("processed", (await WebhookRowAsync(shop, "msg_inbox_replay")).GetProperty("state").GetString());
    }
}
