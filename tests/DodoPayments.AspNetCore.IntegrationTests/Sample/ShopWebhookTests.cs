using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The shop's webhook handlers, reached through the sample's real <c>/api/webhook</c> with signed deliveries; the inbox
/// runs them in the background, so each test waits for it (<see cref="SampleFactory.WaitUntilProcessedAsync"/>).
/// </summary>
public sealed class ShopWebhookTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    /// <summary>The user of the hand-made webhooks: not the demo user, whose customer must stay one the stand-in knows.</summary>
    private const string WebhookTestUser = "user_webhook_test";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string PaymentEvent(string type, string paymentId, string orderId) =>
        ShopWebhookEvents.Payment(type, paymentId, orderId, WebhookTestUser, "cus_webhook_test");

    /// <summary>The order id the checkout hook put in the metadata of the last checkout sent to the stand-in.</summary>
    private string OrderIdSentToDodo() =>
        (string)JsonNode.Parse(factory.StandIn.Requests.Last(request => request.Path == "/checkouts").Body)!["metadata"]!["order_id"]!;

    private Task<HttpResponseMessage> SendSignedAsync(string body, string? webhookId = null) => factory.SendSignedWebhookAsync(body, webhookId);

    [Fact]
    public async Task PaymentSucceededWebhook_SignedForPendingOrder_MarksItPaidAndLinksTheCustomer()
    {
        var order = await factory.AddOrderAsync(WebhookTestUser, "E-book", "pdt_field_guide");

        using var response = await SendSignedAsync(PaymentEvent("payment.succeeded", "pay_paid_1", order.OrderId), "msg_paid_" + order.OrderId);
        await factory.WaitUntilProcessedAsync("msg_paid_" + order.OrderId);

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

        using var response = await SendSignedAsync(PaymentEvent("payment.failed", "pay_failed_1", order.OrderId), "msg_failed_" + order.OrderId);
        await factory.WaitUntilProcessedAsync("msg_failed_" + order.OrderId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await factory.FindOrderAsync(order.OrderId);
        Assert.Equal(OrderStatus.Failed, failed?.Status);
        Assert.Equal("Card declined", failed?.FailureReason);
    }

    [Theory]
    [InlineData("subscription.plan_changed")]
    [InlineData("subscription.updated")]
    public async Task SubscriptionWebhook_KnownSubscriptionOnAnotherPlan_RecordsTheNewPlan(string type)
    {
        // Arrange: a subscription the shop knows, on Pro
        var subscriptionId = $"sub_{type}";
        await factory.WithDbAsync(async db =>
        {
            await db.SetSubscriptionAsync(subscriptionId, WebhookTestUser, "pdt_pro_monthly", "active", DateTimeOffset.UtcNow, CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        // Act
        using var response = await SendSignedAsync(ShopWebhookEvents.Subscription(type, subscriptionId, "pdt_enterprise_monthly", "active"), $"msg_{type}");
        await factory.WaitUntilProcessedAsync($"msg_{type}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscription = await factory.WithDbAsync(db => db.Subscriptions.FindAsync(subscriptionId).AsTask());
        Assert.Equal("pdt_enterprise_monthly", subscription?.ProductId);
        Assert.Equal("active", subscription?.Status);
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
    public async Task PaymentSucceededWebhook_DeliveredAgainAfterProcessing_Answers200AndIsHandledOnce()
    {
        var order = await factory.AddOrderAsync(WebhookTestUser, "E-book", "pdt_field_guide");
        var webhookId = "msg_twice_" + order.OrderId;
        var body = PaymentEvent("payment.succeeded", "pay_twice", order.OrderId);
        using var first = await SendSignedAsync(body, webhookId);
        await factory.WaitUntilProcessedAsync(webhookId);

        using var second = await SendSignedAsync(body, webhookId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // The redelivery added nothing to the inbox: still the one processed attempt, and one line in the shop's log.
        var entry = await factory.FindWebhookAsync(webhookId);
        Assert.Equal(DodoWebhookInboxState.Processed, entry?.State);
        Assert.Equal(1, entry?.Attempts);
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
        await factory.WaitUntilStandInWebhooksProcessedAsync();
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
        await factory.WaitUntilStandInWebhooksProcessedAsync();
        var order = await factory.FindOrderAsync(orderId);
        Assert.Equal(OrderStatus.Active, order?.Status);
        Assert.Equal(["pdt_enterprise_yearly"], order?.ProductIds);
        Assert.Equal("Enterprise (yearly)", order?.Description);
    }
}
