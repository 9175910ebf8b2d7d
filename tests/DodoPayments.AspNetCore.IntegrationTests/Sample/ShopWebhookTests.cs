using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>The shop's webhook handlers, reached through the sample's real <c>/api/webhook</c> with signed deliveries.</summary>
public sealed class ShopWebhookTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    /// <summary>The user of the hand-made webhooks: not the demo user, whose customer must stay one the stand-in knows.</summary>
    private const string WebhookTestUser = "user_webhook_test";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string PaymentEvent(string type, string paymentId, string orderId) => new JsonObject
    {
        ["business_id"] = "bus_1",
        ["type"] = type,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["data"] = new JsonObject
        {
            ["payment_id"] = paymentId,
            ["total_amount"] = 1900,
            ["currency"] = "USD",
            ["error_message"] = "Card declined",
            ["customer"] = new JsonObject { ["customer_id"] = "cus_webhook_test", ["email"] = "demo@example.com", ["name"] = "Demo User" },
            ["metadata"] = new JsonObject { ["order_id"] = orderId, ["user_id"] = WebhookTestUser },
        },
    }.ToJsonString();

    /// <summary>The order id the checkout hook put in the metadata of the last checkout sent to the stand-in.</summary>
    private string OrderIdSentToDodo() =>
        (string)JsonNode.Parse(factory.StandIn.Requests.Last(request => request.Path == "/checkouts").Body)!["metadata"]!["order_id"]!;

    private async Task<HttpResponseMessage> SendSignedAsync(string body, string? webhookId = null)
    {
        using var client = factory.CreateClient();
        using var request = new DodoWebhookSigner(factory.WebhookKey).CreateRequest("/api/webhook", body, webhookId);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task PaymentSucceededWebhook_SignedForPendingOrder_MarksItPaidAndLinksTheCustomer()
    {
        var order = await factory.AddOrderAsync(WebhookTestUser, "E-book", "pdt_field_guide");

        using var response = await SendSignedAsync(PaymentEvent("payment.succeeded", "pay_paid_1", order.OrderId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paid = await factory.FindOrderAsync(order.OrderId);
        Assert.Equal(OrderStatus.Paid, paid?.Status);
        Assert.Equal("pay_paid_1", paid?.PaymentId);
        Assert.Equal(1900, paid?.Amount);
        Assert.Equal("cus_webhook_test", await factory.WithDbAsync(db => db.FindCustomerIdAsync(WebhookTestUser, CancellationToken.None)));
    }

    [Fact]
    public async Task PaymentFailedWebhook_SignedForPendingOrder_MarksItFailed()
    {
        var order = await factory.AddOrderAsync(WebhookTestUser, "E-book", "pdt_field_guide");

        using var response = await SendSignedAsync(PaymentEvent("payment.failed", "pay_failed_1", order.OrderId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await factory.FindOrderAsync(order.OrderId);
        Assert.Equal(OrderStatus.Failed, failed?.Status);
        Assert.Equal("Card declined", failed?.FailureReason);
    }

    [Fact]
    public async Task PaymentSucceededWebhook_BadSignature_Answers401AndLeavesTheOrderPending()
    {
        var order = await factory.AddOrderAsync(WebhookTestUser, "E-book", "pdt_field_guide");
        using var client = factory.CreateClient();
        using var request = new DodoWebhookSigner("whsec_" + Convert.ToBase64String(new byte[24])).CreateRequest("/api/webhook", PaymentEvent("payment.succeeded", "pay_forged", order.OrderId));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await factory.FindOrderAsync(order.OrderId))?.Status);
    }

    [Fact]
    public async Task PaymentSucceededWebhook_DeliveredTwice_IsLoggedAsHandledOnce()
    {
        var order = await factory.AddOrderAsync(WebhookTestUser, "E-book", "pdt_field_guide");
        var webhookId = "msg_twice_" + order.OrderId;
        var body = PaymentEvent("payment.succeeded", "pay_twice", order.OrderId);
        using var first = await SendSignedAsync(body, webhookId);

        using var second = await SendSignedAsync(body, webhookId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.WebhookLog.CountAsync(entry => entry.WebhookId == webhookId)));
    }

    [Fact]
    public async Task PayOnTheStandInCheckout_ProPlan_ActivatesTheOrderAndThePlanCanBePreviewedAndChanged()
    {
        factory.RouteWebhooksThroughTestServer();
        using var shop = await factory.CreateSignedInClientAsync();
        using var checkout = await shop.PostAsync("/api/checkout", Json("""{"product_cart":[{"product_id":"pdt_pro_monthly","quantity":1}]}"""));
        Assert.True(checkout.IsSuccessStatusCode, await checkout.Content.ReadAsStringAsync());
        var checkoutUrl = (string)JsonNode.Parse(await checkout.Content.ReadAsStringAsync())!["checkout_url"]!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var paid = await browser.PostAsync(checkoutUrl + "/pay", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        Assert.StartsWith("http://localhost/orders?", paid.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        var order = await factory.FindOrderAsync(OrderIdSentToDodo());
        Assert.Equal(OrderStatus.Active, order?.Status);
        Assert.Equal("pdt_pro_monthly", (await factory.WithDbAsync(db => db.FindActiveSubscriptionAsync("user_demo", CancellationToken.None)))?.ProductId);

        using var preview = await shop.PostAsync("/api/subscription/plan/preview", Json("""{"product_id":"pdt_enterprise_monthly"}"""));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.NotNull(JsonNode.Parse(await preview.Content.ReadAsStringAsync())?["immediate_charge"]?["summary"]?["total_amount"]);
        using var change = await shop.PostAsync("/api/subscription/plan", Json("""{"product_id":"pdt_enterprise_monthly"}"""));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains(factory.StandIn.Requests, request => request.Path == $"/subscriptions/{order?.SubscriptionId}/change-plan");
    }

    [Fact]
    public async Task PayOnTheStandInCheckout_CollectionWithAPlanChosen_RecordsThePlanChosenOnTheOrder()
    {
        factory.RouteWebhooksThroughTestServer();
        using var shop = await factory.CreateSignedInClientAsync();
        using var checkout = await shop.PostAsync("/api/checkout", Json("""{"product_collection_id":"pdc_plans"}"""));
        Assert.True(checkout.IsSuccessStatusCode, await checkout.Content.ReadAsStringAsync());
        var checkoutUrl = (string)JsonNode.Parse(await checkout.Content.ReadAsStringAsync())!["checkout_url"]!;
        var orderId = OrderIdSentToDodo();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var paid = await browser.PostAsync(checkoutUrl + "/pay", new FormUrlEncodedContent([new("product_id", "pdt_enterprise_yearly")]));

        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        var order = await factory.FindOrderAsync(orderId);
        Assert.Equal(OrderStatus.Active, order?.Status);
        Assert.Equal(["pdt_enterprise_yearly"], order?.ProductIds);
        Assert.Equal("Enterprise (yearly)", order?.Description);
    }

    [Fact]
    public async Task FailNextWebhookSwitch_ThenPay_RetriesTheSameWebhookIdAndMarksTheOrderPaid()
    {
        factory.RouteWebhooksThroughTestServer();
        using var shop = await factory.CreateSignedInClientAsync();
        using var checkout = await shop.PostAsync("/api/checkout", Json("""{"product_cart":[{"product_id":"pdt_field_guide","quantity":1}]}"""));
        Assert.True(checkout.IsSuccessStatusCode, await checkout.Content.ReadAsStringAsync());
        var checkoutUrl = (string)JsonNode.Parse(await checkout.Content.ReadAsStringAsync())!["checkout_url"]!;
        var orderId = OrderIdSentToDodo();
        (await shop.PostAsync("/api/dev/fail-next-webhook", content: null)).EnsureSuccessStatusCode();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var paid = await browser.PostAsync(checkoutUrl + "/pay", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        // The retry runs in the background; the stand-in records an attempt once the app has answered it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!factory.StandIn.WebhookDeliveries.Any(d => d.Type == "payment.succeeded" && d.Succeeded && d.Attempt > 1) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(OrderStatus.Paid, (await factory.FindOrderAsync(orderId))?.Status);
        var attempts = factory.StandIn.WebhookDeliveries.Where(d => d.Type == "payment.succeeded").GroupBy(d => d.WebhookId).Last().ToList();
        Assert.Equal([(1, 500), (2, 200)], attempts.Select(d => (d.Attempt, d.StatusCode ?? 0)));
        // The orders page lists the failed attempt once and the retry's handling once: the failed attempt saved nothing.
        using var orders = JsonDocument.Parse(await shop.GetStringAsync("/api/orders"));
        var log = orders.RootElement.GetProperty("webhooks").EnumerateArray()
            .Where(entry => entry.GetProperty("webhookId").GetString() == attempts[0].WebhookId)
            .Select(entry => entry.GetProperty("outcome").GetString())
            .ToList();
        Assert.Equal(["handled", "failed on purpose (500)"], log);
    }
}
