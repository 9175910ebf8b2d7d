using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.Tests.Testing;

public sealed class DodoApiStandInTests : IAsyncDisposable
{
    private readonly DodoApiStandIn _dodo = new DodoApiStandIn()
        .AddOneTimeProduct("pdt_book", "Book", 1999)
        .AddSubscriptionProduct("pdt_basic", "Basic", 1000)
        .AddSubscriptionProduct("pdt_pro", "Pro", 3000)
        .AddProductCollection("pdc_plans", "pdt_basic", "pdt_pro")
        .AddCustomer("cus_1", "ada@example.com", "Ada")
        .AddSubscription("sub_1", "pdt_basic", "cus_1");

    private readonly HttpClient _client;

    public DodoApiStandInTests()
    {
        _client = new HttpClient(_dodo.CreateHandler()) { BaseAddress = new Uri("https://test.dodopayments.com/") };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_any");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _dodo.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await (client ?? _client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task GetProduct_Recurring_DescribesARecurringPrice()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "products/pdt_pro");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool?)body!["is_recurring"]);
        Assert.Equal("recurring_price", (string?)body["price"]!["type"]);
        Assert.Equal(3000, (long?)body["price"]!["price"]);
    }

    [Fact]
    public async Task GetProduct_Unknown_Is404WithDodosErrorBody()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "products/pdt_nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NOT_FOUND", (string?)body!["code"]);
        Assert.NotNull((string?)body["message"]);
    }

    [Fact]
    public async Task Request_WithoutBearer_Is401()
    {
        using var anonymous = new HttpClient(_dodo.CreateHandler()) { BaseAddress = new Uri("https://test.dodopayments.com/") };

        var (status, body) = await SendAsync(HttpMethod.Get, "products/pdt_book", client: anonymous);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHORIZED", (string?)body!["code"]);
    }

    [Fact]
    public async Task Request_ApiKeySetAndDifferent_Is401()
    {
        _dodo.ApiKey = "sk_expected";

        var (status, _) = await SendAsync(HttpMethod.Get, "products/pdt_book");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Request_UnknownRoute_Is404()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, "refunds");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Request_BodyNotJson_Is400InvalidRequestBody()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "checkouts", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_REQUEST_BODY", (string?)body!["code"]);
    }

    [Fact]
    public async Task Fail_WithTimes_FailsThatManyThenAnswersNormally()
    {
        _dodo.Fail(HttpMethod.Get, "/products", 500, times: 2);

        var first = await SendAsync(HttpMethod.Get, "products/pdt_book");
        var second = await SendAsync(HttpMethod.Get, "products/pdt_book");
        var third = await SendAsync(HttpMethod.Get, "products/pdt_book");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal("INTERNAL_SERVER_ERROR", (string?)first.Body!["code"]);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Fail_OtherMethodOrPath_DoesNotApply()
    {
        _dodo.Fail(HttpMethod.Post, "/products", 500);

        var (status, _) = await SendAsync(HttpMethod.Get, "products/pdt_book");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Respond_EmptyBody_AnswersExactlyThatWithoutChangingThePlan()
    {
        // Arrange
        _dodo.Respond(HttpMethod.Post, "/subscriptions/sub_1/change-plan", 200, string.Empty, times: 1);

        // Act
        var answered = await SendAsync(HttpMethod.Post, "subscriptions/sub_1/change-plan", """{"product_id":"pdt_pro"}""");
        var preview = await SendAsync(HttpMethod.Post, "subscriptions/sub_1/change-plan/preview", """{"product_id":"pdt_pro","proration_billing_mode":"difference_immediately"}""");

        // Assert: the answer was the injected one, and the subscription is still on Basic (so the preview charges 2000).
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Null(answered.Body);
        Assert.Equal(2000, (long?)preview.Body!["immediate_charge"]!["summary"]!["total_amount"]);
        Assert.Equal(2, _dodo.Requests.Count);
    }

    [Fact]
    public async Task Respond_LinkThatIsNotAUrl_IsAnsweredAsGiven()
    {
        // Arrange
        _dodo.Respond(HttpMethod.Post, "/customers/", 200, """{"link":"javascript:alert(1)"}""");

        // Act
        var (status, body) = await SendAsync(HttpMethod.Post, "customers/cus_1/customer-portal/session");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("javascript:alert(1)", (string?)body!["link"]);
    }

    [Fact]
    public async Task ClearFailures_RemovesInjectedFailures()
    {
        _dodo.Fail(null, "/", 503);
        _dodo.ClearFailures();

        var (status, _) = await SendAsync(HttpMethod.Get, "products/pdt_book");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Delay_CancelledRequest_StopsWaiting()
    {
        _dodo.Delay(null, "/products", TimeSpan.FromMinutes(5));
        using var client = new HttpClient(_dodo.CreateHandler()) { Timeout = TimeSpan.FromMilliseconds(100), BaseAddress = new Uri("https://x.invalid/") };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("products/pdt_book"));
    }

    [Fact]
    public async Task Requests_AreRecordedInOrderAndCanBeCleared()
    {
        await SendAsync(HttpMethod.Get, "products/pdt_book");
        await SendAsync(HttpMethod.Post, "checkouts", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        Assert.Equal(["GET /products/pdt_book", "POST /checkouts"], _dodo.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("pdt_book", (string?)_dodo.Requests[1].Json!["product_cart"]![0]!["product_id"]);

        _dodo.ClearRequests();

        Assert.Empty(_dodo.Requests);
    }

    [Fact]
    public async Task CreateSubscription_OneTimeProduct_Is422()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "subscriptions", """{"product_id":"pdt_book","quantity":1,"customer":{"email":"a@example.com"}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task CreatePayment_UnknownProduct_Is404()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "payments", """{"product_cart":[{"product_id":"pdt_nope","quantity":1}]}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task CreatePayment_WithoutPaymentLinkFlag_HasNoLink()
    {
        var (_, body) = await SendAsync(HttpMethod.Post, "payments", """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"a@example.com"}}""");

        Assert.Null(body!["payment_link"]);
        Assert.Equal(1999, (long?)body["total_amount"]);
    }

    [Fact]
    public async Task CreateCheckoutSession_Collection_ReturnsCheckoutUrl()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "checkouts", """{"product_collection_id":"pdc_plans"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("https://stand-in.dodopayments.invalid/checkout/cks_", (string?)body!["checkout_url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCheckoutSession_UnknownCollection_Is404()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "checkouts", """{"product_collection_id":"pdc_nope"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task CreateCheckoutSession_ConfirmWithSavedMethod_HasNoCheckoutUrl()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "checkouts", """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"customer_id":"cus_1"},"confirm":true,"payment_method_id":"pm_1"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body!["checkout_url"]);
        Assert.NotNull((string?)body["payment_id"]);
    }

    [Fact]
    public async Task CreateCheckoutSession_UnknownCustomerId_Is404()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "checkouts", """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"customer_id":"cus_nope"}}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task PortalSession_UnknownCustomer_Is404()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "customers/cus_nope/customer-portal/session");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("prorated_immediately", 1000)]
    [InlineData("full_immediately", 3000)]
    [InlineData("difference_immediately", 2000)]
    [InlineData("do_not_bill", 0)]
    public async Task PreviewPlanChange_ProrationMode_DecidesTheCharge(string mode, long expected)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "subscriptions/sub_1/change-plan/preview", $$"""{"product_id":"pdt_pro","quantity":1,"proration_billing_mode":"{{mode}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, (long?)body!["immediate_charge"]!["summary"]!["total_amount"]);
        Assert.Equal("pdt_pro", (string?)body["new_plan"]!["product_id"]);
    }

    [Fact]
    public async Task PreviewPlanChange_ChangesNothing()
    {
        await SendAsync(HttpMethod.Post, "subscriptions/sub_1/change-plan/preview", """{"product_id":"pdt_pro","quantity":1}""");

        var (_, subscription) = await SendAsync(HttpMethod.Get, "subscriptions/sub_1");

        Assert.Equal("pdt_basic", (string?)subscription!["product_id"]);
    }

    [Fact]
    public async Task ChangePlan_Immediately_SwitchesTheProduct()
    {
        await SendAsync(HttpMethod.Post, "subscriptions/sub_1/change-plan", """{"product_id":"pdt_pro","quantity":2,"proration_billing_mode":"do_not_bill"}""");

        var (_, subscription) = await SendAsync(HttpMethod.Get, "subscriptions/sub_1");

        Assert.Equal("pdt_pro", (string?)subscription!["product_id"]);
        Assert.Equal(2, (int?)subscription["quantity"]);
    }

    [Fact]
    public async Task ChangePlan_NextBillingDate_SchedulesAndCanBeCancelledOnce()
    {
        await SendAsync(HttpMethod.Post, "subscriptions/sub_1/change-plan", """{"product_id":"pdt_pro","effective_at":"next_billing_date"}""");

        var first = await SendAsync(HttpMethod.Delete, "subscriptions/sub_1/change-plan/scheduled");
        var second = await SendAsync(HttpMethod.Delete, "subscriptions/sub_1/change-plan/scheduled");
        var (_, subscription) = await SendAsync(HttpMethod.Get, "subscriptions/sub_1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.NotFound, second.Status);
        Assert.Equal("pdt_basic", (string?)subscription!["product_id"]);
    }

    [Fact]
    public async Task ChangePlan_UnknownSubscription_Is404()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "subscriptions/sub_nope/change-plan", """{"product_id":"pdt_pro"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task StartAsync_ServesOnLoopbackAndLinksPointThere()
    {
        var address = await _dodo.StartAsync();
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_any");

        var (status, body) = await SendAsync(HttpMethod.Post, "checkouts", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""", client);

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith(address.ToString(), (string?)body!["checkout_url"], StringComparison.Ordinal);
    }
}
