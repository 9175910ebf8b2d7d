using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// A plan change in the shop, end to end against its stand-in: Pro bought and paid on the hosted checkout, then changed
/// to Enterprise. Dodo (the stand-in) confirms with <c>subscription.plan_changed</c> and bills the change at once with a
/// <c>payment.succeeded</c> carrying the subscription: the account shows the new plan, the orders page lists the charge
/// as a paid line of its own, and the order of Pro shows the plan it is on now.
/// </summary>
public sealed class ShopPlanChangeTests : IAsyncLifetime
{
    private readonly SampleFactory _factory = new();
    private HttpClient _shop = null!;
    private string _proOrderId = null!;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task InitializeAsync()
    {
        _factory.RouteWebhooksThroughTestServer();
        _shop = await _factory.CreateSignedInClientAsync();
        using var checkout = await _shop.PostAsync("/api/checkout", Json("""{"product_cart":[{"product_id":"pdt_pro_monthly","quantity":1}]}"""));
        checkout.EnsureSuccessStatusCode();
        var checkoutUrl = (string)JsonNode.Parse(await checkout.Content.ReadAsStringAsync())!["checkout_url"]!;
        _proOrderId = (string)JsonNode.Parse(_factory.StandIn.Requests.Last(request => request.Path == "/checkouts").Body)!["metadata"]!["order_id"]!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var paid = await browser.PostAsync(checkoutUrl + "/pay", new FormUrlEncodedContent([]));
        await _factory.WaitUntilStandInWebhooksProcessedAsync();
    }

    public async Task DisposeAsync()
    {
        _shop.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ChangePlan_BilledAtOnce_ChargeIsAPaidOrderLineAndTheAccountAndOrderShowTheNewPlan()
    {
        // Arrange: the charge the preview announces (Pro 29.00 to Enterprise 99.00, prorated by the stand-in: 35.00)
        using var preview = await _shop.PostAsync("/api/subscription/plan/preview", Json("""{"product_id":"pdt_enterprise_monthly"}"""));
        var charge = (long)JsonNode.Parse(await preview.Content.ReadAsStringAsync())!["immediate_charge"]!["summary"]!["total_amount"]!;

        // Act
        using var change = await _shop.PostAsync("/api/subscription/plan", Json("""{"product_id":"pdt_enterprise_monthly"}"""));
        var paymentId = (string?)JsonNode.Parse(await change.Content.ReadAsStringAsync())!["payment_id"];
        var payment = await WaitForStandInDeliveryAsync("payment.succeeded");
        var planChanged = await WaitForStandInDeliveryAsync("subscription.plan_changed");
        await _factory.WaitUntilProcessedAsync(payment.WebhookId);
        await _factory.WaitUntilProcessedAsync(planChanged.WebhookId);

        // Assert
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(3500, charge);
        using var account = JsonDocument.Parse(await _shop.GetStringAsync("/api/account"));
        Assert.Equal("pdt_enterprise_monthly", account.RootElement.GetProperty("subscription").GetProperty("productId").GetString());
        using var orders = JsonDocument.Parse(await _shop.GetStringAsync("/api/orders"));
        var lines = orders.RootElement.GetProperty("orders").EnumerateArray().ToList();
        var planChange = Assert.Single(lines, line => line.GetProperty("paymentId").GetString() == paymentId);
        Assert.Equal("Plan change to Enterprise", planChange.GetProperty("description").GetString());
        Assert.Equal(OrderStatus.Paid, planChange.GetProperty("status").GetString());
        Assert.Equal(charge, planChange.GetProperty("amount").GetInt64());
        Assert.Equal("USD", planChange.GetProperty("currency").GetString());
        var pro = Assert.Single(lines, line => line.GetProperty("orderId").GetString() == _proOrderId);
        Assert.Equal("Pro", pro.GetProperty("description").GetString());
        Assert.Equal(2900, pro.GetProperty("amount").GetInt64());
        Assert.Equal(pro.GetProperty("subscriptionId").GetString(), planChange.GetProperty("subscriptionId").GetString());
        Assert.Equal("Enterprise", pro.GetProperty("currentPlan").GetProperty("name").GetString());
        Assert.Equal("Enterprise", planChange.GetProperty("currentPlan").GetProperty("name").GetString());
        var log = Assert.Single(orders.RootElement.GetProperty("webhooks").EnumerateArray(), row => row.GetProperty("webhookId").GetString() == payment.WebhookId);
        Assert.EndsWith("paid, $35.00", log.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePlan_Preview_SendsNoMetadataAndChangesNothing()
    {
        // Act
        using var preview = await _shop.PostAsync("/api/subscription/plan/preview", Json("""{"product_id":"pdt_enterprise_monthly"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Null(JsonNode.Parse(_factory.StandIn.Requests.Last(request => request.Path.EndsWith("/change-plan/preview", StringComparison.Ordinal)).Body)!["metadata"]);
        using var account = JsonDocument.Parse(await _shop.GetStringAsync("/api/account"));
        Assert.Equal("pdt_pro_monthly", account.RootElement.GetProperty("subscription").GetProperty("productId").GetString());
    }

    [Fact]
    public async Task ChangePlan_Confirmed_TagsTheChargeWithTheUserAndTheNewPlan()
    {
        // Act
        using var change = await _shop.PostAsync("/api/subscription/plan", Json("""{"product_id":"pdt_starter_monthly"}"""));

        // Assert: the browser may not send metadata; the shop's hook sets it, and Dodo puts it on the charge's payment
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var sent = JsonNode.Parse(_factory.StandIn.Requests.Last(request => request.Path.EndsWith("/change-plan", StringComparison.Ordinal)).Body)!;
        Assert.Equal("user_demo", (string?)sent["metadata"]?["user_id"]);
        Assert.Equal("pdt_starter_monthly", (string?)sent["metadata"]?["plan_change_to"]);
    }

    /// <summary>
    /// The stand-in sends a plan change's webhooks after answering: waits until it delivered one of <paramref name="type"/>
    /// after the two of the checkout.
    /// </summary>
    private async Task<StandInWebhookDelivery> WaitForStandInDeliveryAsync(string type)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_factory.StandIn.WebhookDeliveries.Skip(2).FirstOrDefault(delivery => delivery.Type == type && delivery.Succeeded) is { } delivery)
            {
                return delivery;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
