using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Testing;

public sealed class DodoApiStandInCheckoutPageTests : IAsyncDisposable
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly WebhookReceiver _receiver = new();
    private readonly HttpClient _api;
    private readonly HttpClient _browser;
    private readonly DodoApiStandIn _dodo;

    public DodoApiStandInCheckoutPageTests()
    {
        _dodo = new DodoApiStandIn
        {
            WebhookUrl = new Uri("https://shop.example.com/api/webhook"),
            WebhookSecret = Secret,
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)],
        }
            .AddOneTimeProduct("pdt_book", "Book", 1999)
            .AddSubscriptionProduct("pdt_basic", "Basic", 1000)
            .AddSubscriptionProduct("pdt_pro", "Pro", 3000)
            .AddProductCollection("pdc_plans", "pdt_basic", "pdt_pro");
        _dodo.WebhookClient = new HttpClient(_receiver);
        _api = new HttpClient(_dodo.CreateHandler()) { BaseAddress = new Uri("https://test.dodopayments.com/") };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_any");
        _browser = new HttpClient(_dodo.CreateHandler());
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        _browser.Dispose();
        _dodo.WebhookClient!.Dispose();
        await _dodo.DisposeAsync();
    }

    private async Task<string> CreateSessionAsync(string body)
    {
        using var response = await _api.PostAsync("checkouts", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checkout_url"]!;
    }

    private async Task<HttpResponseMessage> PostFormAsync(string url, string form = "") =>
        await _browser.PostAsync(url, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

    [Fact]
    public async Task CheckoutPage_Session_ShowsProductAmountAndBothButtons()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_book","quantity":2}]}""");

        var html = await _browser.GetStringAsync(url);

        Assert.Contains("Dodo Payments (stand-in) checkout", html, StringComparison.Ordinal);
        Assert.Contains("Book", html, StringComparison.Ordinal);
        Assert.Contains("39.98 USD", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pay\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fail\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticLink_KnownProduct_RedirectsToACheckoutCarryingQueryValues()
    {
        using var link = await _browser.GetAsync("https://stand-in.dodopayments.invalid/buy/pdt_book?quantity=3&redirect_url=https%3A%2F%2Fshop.example.com%2Fthanks&email=ada%40example.com&metadata_order_id=ord_9");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        var page = link.Headers.Location!.ToString();
        Assert.Contains("59.97 USD", await _browser.GetStringAsync(page), StringComparison.Ordinal);

        using var paid = await PostFormAsync(page + "/pay");

        Assert.StartsWith("https://shop.example.com/thanks?payment_id=", paid.Headers.Location!.ToString(), StringComparison.Ordinal);
        var data = Assert.Single(_receiver.Received).Json["data"]!;
        Assert.Equal("ord_9", (string?)data["metadata"]!["order_id"]);
        Assert.Equal("ada@example.com", (string?)data["customer"]!["email"]);
    }

    [Fact]
    public async Task StaticLink_UnknownProduct_Is404()
    {
        using var response = await _browser.GetAsync("https://stand-in.dodopayments.invalid/buy/pdt_nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CheckoutPage_Unknown_Is404()
    {
        using var response = await _browser.GetAsync("https://stand-in.dodopayments.invalid/checkout/cks_nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pay_OneTime_SendsSignedPaymentSucceededWithMetadataThenReturns()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"ada@example.com","name":"Ada"},"return_url":"https://shop.example.com/orders?from=dodo","metadata":{"order_id":"ord_7"}}""");

        using var response = await PostFormAsync(url + "/pay");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://shop.example.com/orders?from=dodo&payment_id=pay_", location, StringComparison.Ordinal);
        Assert.EndsWith("&status=succeeded", location, StringComparison.Ordinal);
        var delivery = Assert.Single(_receiver.Received);
        Assert.Equal(WebhookVerificationResult.Verified, delivery.Verify());
        Assert.Equal("payment.succeeded", (string?)delivery.Json["type"]);
        var data = delivery.Json["data"]!;
        Assert.Equal("ord_7", (string?)data["metadata"]!["order_id"]);
        Assert.Equal(1999, (long?)data["total_amount"]);
        Assert.Equal("ada@example.com", (string?)data["customer"]!["email"]);
        Assert.StartsWith("cks_", (string?)data["checkout_session_id"], StringComparison.Ordinal);
        Assert.Contains((string)data["payment_id"]!, location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pay_Subscription_ActivatesThenPaysAndTheSubscriptionCanChangePlan()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_basic","quantity":1}],"customer":{"email":"ada@example.com"},"return_url":"https://shop.example.com/orders"}""");

        using var response = await PostFormAsync(url + "/pay");

        Assert.Equal(["subscription.active", "payment.succeeded"], _receiver.Received.Select(d => (string)d.Json["type"]!));
        var subscriptionId = (string)_receiver.Received[0].Json["data"]!["subscription_id"]!;
        Assert.Equal("active", (string?)_receiver.Received[0].Json["data"]!["status"]);
        Assert.Equal(subscriptionId, (string?)_receiver.Received[1].Json["data"]!["subscription_id"]);
        Assert.Contains($"subscription_id={subscriptionId}", response.Headers.Location!.Query, StringComparison.Ordinal);
        using var preview = await _api.PostAsync($"subscriptions/{subscriptionId}/change-plan/preview", new StringContent("""{"product_id":"pdt_pro","quantity":1,"proration_billing_mode":"full_immediately"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }

    [Fact]
    public async Task Pay_Collection_BuysTheChosenProduct()
    {
        var url = await CreateSessionAsync("""{"product_collection_id":"pdc_plans","customer":{"email":"ada@example.com"}}""");
        Assert.Contains("name=\"product_id\" value=\"pdt_pro\"", await _browser.GetStringAsync(url), StringComparison.Ordinal);

        using var response = await PostFormAsync(url + "/pay", "product_id=pdt_pro");

        var active = _receiver.Received[0].Json;
        Assert.Equal("pdt_pro", (string?)active["data"]!["product_id"]);
        Assert.Equal(3000, (long?)_receiver.Received[1].Json["data"]!["total_amount"]);
    }

    [Fact]
    public async Task Fail_SendsPaymentFailedAndReturnsWithFailedStatus()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"return_url":"https://shop.example.com/orders"}""");

        using var response = await PostFormAsync(url + "/fail");

        var delivery = Assert.Single(_receiver.Received);
        Assert.Equal("payment.failed", (string?)delivery.Json["type"]);
        Assert.Equal("failed", (string?)delivery.Json["data"]!["status"]);
        Assert.EndsWith("status=failed", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pay_NoReturnUrl_ShowsCompletionPage()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        using var response = await PostFormAsync(url + "/pay");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Payment complete", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendWebhook_AppFailsTwice_RetriesWithTheSameIdUntilItSucceeds()
    {
        _receiver.Answers.Enqueue(HttpStatusCode.InternalServerError);
        _receiver.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        var webhookId = await _dodo.SendWebhookAsync("payment.succeeded", new JsonObject { ["payment_id"] = "pay_1" });
        await WaitUntilAsync(() => _dodo.WebhookDeliveries.Count == 3);

        Assert.Equal([1, 2, 3], _dodo.WebhookDeliveries.Select(d => d.Attempt));
        Assert.All(_dodo.WebhookDeliveries, d => Assert.Equal(webhookId, d.WebhookId));
        Assert.Equal([500, 503, 200], _dodo.WebhookDeliveries.Select(d => d.StatusCode));
        Assert.True(_dodo.WebhookDeliveries[^1].Succeeded);
        Assert.All(_receiver.Received, d => Assert.Equal(WebhookVerificationResult.Verified, d.Verify()));
    }

    [Fact]
    public async Task SendWebhook_AppAlwaysFails_StopsAfterTheLastRetry()
    {
        for (var i = 0; i < 10; i++)
        {
            _receiver.Answers.Enqueue(HttpStatusCode.InternalServerError);
        }

        await _dodo.SendWebhookAsync("payment.succeeded", new JsonObject { ["payment_id"] = "pay_1" });
        await _dodo.WaitForWebhookRetriesAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, _dodo.WebhookDeliveries.Count);
        Assert.All(_dodo.WebhookDeliveries, d => Assert.False(d.Succeeded));
    }

    [Fact]
    public async Task SendWebhook_NoUrl_Throws()
    {
        _dodo.WebhookUrl = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _dodo.SendWebhookAsync("payment.succeeded", []));
    }

    [Fact]
    public async Task PortalPage_ListsSubscriptionsAndLinksBack()
    {
        _dodo.AddCustomer("cus_1", "ada@example.com", "Ada").AddSubscription("sub_1", "pdt_pro", "cus_1");
        using var session = await _api.PostAsync("customers/cus_1/customer-portal/session?send_email=false&return_url=https%3A%2F%2Fshop.example.com%2Faccount", null);
        var link = (string)JsonNode.Parse(await session.Content.ReadAsStringAsync())!["link"]!;

        var html = await _browser.GetStringAsync(link);

        Assert.Contains("Customer portal (stand-in)", html, StringComparison.Ordinal);
        Assert.Contains("Pro", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://shop.example.com/account\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePlan_Immediately_SendsPlanChangedWebhookAfterAnswering()
    {
        _dodo.AddCustomer("cus_1").AddSubscription("sub_1", "pdt_basic", "cus_1");

        using var response = await _api.PostAsync("subscriptions/sub_1/change-plan", new StringContent("""{"product_id":"pdt_pro","quantity":1,"proration_billing_mode":"do_not_bill"}""", Encoding.UTF8, "application/json"));
        await WaitUntilAsync(() => _receiver.Received.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = _receiver.Received[0].Json;
        Assert.Equal("subscription.plan_changed", (string?)delivery["type"]);
        Assert.Equal("sub_1", (string?)delivery["data"]!["subscription_id"]);
        Assert.Equal("pdt_pro", (string?)delivery["data"]!["product_id"]);
    }

    [Fact]
    public async Task ChangePlan_ImmediateCharge_SendsPlanChangedThenPaymentSucceededForTheCharge()
    {
        // Arrange: Basic (10.00) to Pro (30.00), billed the difference now: 20.00
        _dodo.AddCustomer("cus_1", "ada@example.com", "Ada").AddSubscription("sub_1", "pdt_basic", "cus_1");

        // Act
        using var response = await _api.PostAsync("subscriptions/sub_1/change-plan", new StringContent("""{"product_id":"pdt_pro","quantity":1,"proration_billing_mode":"difference_immediately","metadata":{"user_id":"user_7"}}""", Encoding.UTF8, "application/json"));
        await WaitUntilAsync(() => _receiver.Received.Count == 2);

        // Assert: as Dodo, the payment of the plan change's charge carries the subscription and the request's metadata
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paymentId = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["payment_id"];
        Assert.Equal(["subscription.plan_changed", "payment.succeeded"], _receiver.Received.Select(d => (string)d.Json["type"]!));
        var payment = _receiver.Received[1];
        Assert.Equal(WebhookVerificationResult.Verified, payment.Verify());
        var data = payment.Json["data"]!;
        Assert.Equal(paymentId, (string?)data["payment_id"]);
        Assert.Equal("sub_1", (string?)data["subscription_id"]);
        Assert.Equal("succeeded", (string?)data["status"]);
        Assert.Equal(2000, (long?)data["total_amount"]);
        Assert.Equal("USD", (string?)data["currency"]);
        Assert.Equal("cus_1", (string?)data["customer"]!["customer_id"]);
        Assert.Equal("user_7", (string?)data["metadata"]!["user_id"]);
        Assert.Equal("pdt_pro", (string?)data["product_cart"]![0]!["product_id"]);
    }

    [Fact]
    public async Task ChangePlan_RequestWithoutMetadata_ChargeAndPlanChangeCarryTheCheckoutsMetadata()
    {
        // Arrange: a subscription bought through a checkout with metadata
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_basic","quantity":1}],"customer":{"email":"ada@example.com"},"metadata":{"order_id":"ord_9"}}""");
        using var paid = await PostFormAsync(url + "/pay");
        var subscriptionId = (string)_receiver.Received[0].Json["data"]!["subscription_id"]!;

        // Act
        using var response = await _api.PostAsync($"subscriptions/{subscriptionId}/change-plan", new StringContent("""{"product_id":"pdt_pro","quantity":1,"proration_billing_mode":"full_immediately"}""", Encoding.UTF8, "application/json"));
        await WaitUntilAsync(() => _receiver.Received.Count == 4);

        // Assert: Dodo takes the subscription's metadata when the request has none
        Assert.Equal("subscription.plan_changed", (string?)_receiver.Received[2].Json["type"]);
        Assert.Equal("ord_9", (string?)_receiver.Received[2].Json["data"]!["metadata"]!["order_id"]);
        Assert.Equal("payment.succeeded", (string?)_receiver.Received[3].Json["type"]);
        Assert.Equal("ord_9", (string?)_receiver.Received[3].Json["data"]!["metadata"]!["order_id"]);
        Assert.Equal(3000, (long?)_receiver.Received[3].Json["data"]!["total_amount"]);
    }

    [Fact]
    public async Task Pages_DeclareAnIcon_SoBrowsersAskForNoFavicon()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        var html = await _browser.GetStringAsync(url);

        Assert.Contains("<link rel=\"icon\" href=\"data:,\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_TwoStandIns_NeverRepeatEachOther()
    {
        await using var other = new DodoApiStandIn().AddOneTimeProduct("pdt_book", "Book", 1999);
        using var otherApi = new HttpClient(other.CreateHandler()) { BaseAddress = _api.BaseAddress };
        otherApi.DefaultRequestHeaders.Authorization = _api.DefaultRequestHeaders.Authorization;
        const string Cart = """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""";

        var first = await CreateSessionAsync(Cart);
        using var second = await otherApi.PostAsync("checkouts", new StringContent(Cart, Encoding.UTF8, "application/json"));

        Assert.NotEqual(first, (string?)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["checkout_url"]);
    }

    [Fact]
    public async Task Pages_AreNotRecordedAsApiRequests()
    {
        var url = await CreateSessionAsync("""{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");
        _dodo.ClearRequests();

        await _browser.GetStringAsync(url);

        Assert.Empty(_dodo.Requests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>The app's webhook endpoint, faked: records what arrives and answers from a queue (200 when empty).</summary>
    private sealed class WebhookReceiver : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Delivery> _received = new();

        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

        public IReadOnlyList<Delivery> Received => [.. _received];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            _received.Enqueue(new Delivery(
                body,
                request.Headers.GetValues("webhook-id").Single(),
                request.Headers.GetValues("webhook-timestamp").Single(),
                request.Headers.GetValues("webhook-signature").Single()));
            return new HttpResponseMessage(Answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
        }
    }

    private sealed record Delivery(byte[] Body, string Id, string Timestamp, string Signature)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public WebhookVerificationResult Verify()
        {
            Assert.True(WebhookSecret.TryDecode(Secret, out var key));
            return WebhookSignatureVerifier.Verify(Body, Id, Timestamp, Signature, new WebhookKeySet([key]), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        }
    }
}
