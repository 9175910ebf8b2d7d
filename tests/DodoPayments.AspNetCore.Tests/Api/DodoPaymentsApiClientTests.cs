using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Tests.Api;

public sealed class DodoPaymentsApiClientTests : IAsyncDisposable
{
    private const string ApiKey = "sk_test_client";
    private readonly DodoApiStandIn _dodo = new DodoApiStandIn { ApiKey = ApiKey }
        .AddOneTimeProduct("pdt_book", "Book", 1999)
        .AddSubscriptionProduct("pdt_basic", "Basic", 1000)
        .AddSubscriptionProduct("pdt_pro", "Pro", 3000)
        .AddCustomer("cus_1", "ada@example.com", "Ada")
        .AddSubscription("sub_1", "pdt_basic", "cus_1");

    private ServiceProvider? _provider;

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await _dodo.DisposeAsync();
    }

    private IDodoPaymentsApiClient Client(Action<DodoPaymentsOptions>? configure = null, bool inProcess = true)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDodoPayments(options =>
        {
            options.ApiKey = ApiKey;
            options.Environment = DodoPaymentsEnvironment.TestMode;
            configure?.Invoke(options);
        });
        if (inProcess)
        {
            services.AddDodoApiStandIn(_dodo);
        }

        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<IDodoPaymentsApiClient>();
    }

    [Fact]
    public async Task GetProduct_Known_ReadsTheProduct()
    {
        var product = await Client().GetProductAsync("pdt_book");

        Assert.Equal("pdt_book", product.ProductId);
        Assert.Equal("Book", product.Name);
        Assert.False(product.IsRecurring);
        Assert.Equal(1999, product.Price!.Amount);
        Assert.Equal("one_time_price", product.Price.Type);
    }

    [Fact]
    public async Task GetProduct_AnyCall_SendsBearerKeyUserAgentAndTestHost()
    {
        await Client().GetProductAsync("pdt_book");

        var request = Assert.Single(_dodo.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/products/pdt_book", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.StartsWith("DodoPayments.AspNetCore/", request.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProduct_IdWithReservedCharacters_IsEscapedInThePath()
    {
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => Client().GetProductAsync("a/b?c"));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("/products/a%2Fb%3Fc", Assert.Single(_dodo.Requests).Path);
    }

    [Fact]
    public async Task GetProduct_Unknown_ThrowsWithStatusCodeAndMessage()
    {
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => Client().GetProductAsync("pdt_missing"));

        Assert.Equal(DodoApiErrorKind.ErrorResponse, exception.Kind);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("NOT_FOUND", exception.ErrorCode);
        Assert.Equal("Product not found", exception.ErrorMessage);
        Assert.Equal("GET /products/{id}", exception.Operation);
    }

    [Fact]
    public async Task Call_WrongApiKey_ThrowsUnauthorizedWithoutTheKeyInTheMessage()
    {
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => Client(o => o.ApiKey = "sk_wrong_secret").GetProductAsync("pdt_book"));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("UNAUTHORIZED", exception.ErrorCode);
        Assert.DoesNotContain("sk_wrong_secret", exception.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "INVALID_REQUEST_BODY")]
    [InlineData(409, "CONFLICT")]
    [InlineData(422, "INVALID_REQUEST_PARAMETERS")]
    [InlineData(429, "TOO_MANY_REQUESTS")]
    [InlineData(500, "INTERNAL_SERVER_ERROR")]
    [InlineData(503, "SERVICE_UNAVAILABLE")]
    public async Task Call_ErrorAnswer_CarriesStatusCodeAndMessage(int status, string code)
    {
        _dodo.Fail(HttpMethod.Post, "/checkouts", status, code, "It went wrong");

        var exception = await Assert.ThrowsAsync<DodoApiException>(() => Client().CreateCheckoutSessionAsync(new CreateCheckoutSessionRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }] }));

        Assert.Equal(DodoApiErrorKind.ErrorResponse, exception.Kind);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal("It went wrong", exception.ErrorMessage);
    }

    [Fact]
    public async Task Call_ErrorAnswerNotJson_ThrowsWithStatusOnly()
    {
        using var handler = new FixedAnswerHandler(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).GetProductAsync("pdt_book"));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Null(exception.ErrorCode);
        Assert.Null(exception.ErrorMessage);
    }

    [Fact]
    public async Task Call_NestedErrorShape_ReadsCodeAndMessage()
    {
        using var handler = new FixedAnswerHandler(HttpStatusCode.NotFound, """{"error":{"code":"subscription_not_found","message":"No such subscription","details":{}}}""");
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).GetProductAsync("pdt_book"));

        Assert.Equal("subscription_not_found", exception.ErrorCode);
        Assert.Equal("No such subscription", exception.ErrorMessage);
    }

    [Fact]
    public async Task Call_SuccessBodyNotJson_ThrowsUnreadableResponse()
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, "<html>captive portal</html>");

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).GetProductAsync("pdt_book"));

        // Assert: Dodo was reached; what it said could not be read.
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task Call_EmptySuccessBodyWhereAResultIsRequired_ThrowsUnreadableResponse(string body)
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, body);

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).GetProductAsync("pdt_book"));

        // Assert
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n")]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task ChangePlan_EmptySuccessBody_ReturnsAResultWithNothingSet(string body)
    {
        // Arrange: Dodo may answer a plan change with 200 and no body; the change went through.
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, body);

        // Act
        var result = await ClientOver(handler).ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1 });

        // Assert
        Assert.Null(result.PaymentId);
        Assert.Null(result.PaymentLink);
        Assert.Null(result.AdditionalProperties);
    }

    [Fact]
    public async Task ChangePlan_SuccessBodyNotJson_ThrowsUnreadableResponse()
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, "<html>proxy</html>");

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro" }));

        // Assert
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
        Assert.Equal("POST /subscriptions/{id}/change-plan", exception.Operation);
    }

    [Fact]
    public async Task ChangePlan_PaymentLinkNotAUrl_LeavesTheLinkOutAndKeepsTheResult()
    {
        // Arrange: the change went through, so a 502 would invite a second, charged attempt; the bad link is dropped.
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, """{"payment_id":"pay_1","payment_link":"javascript:alert(1)"}""");

        // Act
        var result = await ClientOver(handler).ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro" });

        // Assert
        Assert.Equal("pay_1", result.PaymentId);
        Assert.Null(result.PaymentLink);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/checkout/cks_1")]
    [InlineData("//evil.example.net/checkout")]
    [InlineData("ftp://checkout.dodopayments.com/cks_1")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task CreateCheckoutSession_CheckoutUrlNotAbsoluteHttp_ThrowsUnreadableResponse(string link)
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, $$"""{"session_id":"cks_1","checkout_url":{{JsonSerializer.Serialize(link, TestJson.Default.String)}}}""");

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).CreateCheckoutSessionAsync(new CreateCheckoutSessionRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }] }));

        // Assert
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
        Assert.DoesNotContain(link, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCheckoutSession_NoCheckoutUrl_ReturnsTheSession()
    {
        // Arrange: a confirm-mode session has no checkout page, legitimately.
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, """{"session_id":"cks_1","checkout_url":null,"payment_id":"pay_1"}""");

        // Act
        var session = await ClientOver(handler).CreateCheckoutSessionAsync(new CreateCheckoutSessionRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }] });

        // Assert
        Assert.Null(session.CheckoutUrl);
        Assert.Equal("pay_1", session.PaymentId);
    }

    [Fact]
    public async Task CreatePayment_PaymentLinkNotAbsoluteHttp_ThrowsUnreadableResponse()
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, """{"payment_id":"pay_1","payment_link":"javascript:alert(1)"}""");

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).CreatePaymentAsync(new CreatePaymentRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }], PaymentLink = true }));

        // Assert
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
    }

    [Fact]
    public async Task CreateSubscription_PaymentLinkNotAbsoluteHttp_ThrowsUnreadableResponse()
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, """{"subscription_id":"sub_1","payment_link":"javascript:alert(1)"}""");

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).CreateSubscriptionAsync(new CreateSubscriptionRequest { ProductId = "pdt_pro", PaymentLink = true }));

        // Assert
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
    }

    [Theory]
    [InlineData("""{"link":"javascript:alert(1)"}""")]
    [InlineData("""{"link":""}""")]
    [InlineData("""{}""")]
    public async Task CreateCustomerPortalSession_LinkMissingOrNotAbsoluteHttp_ThrowsUnreadableResponse(string body)
    {
        // Arrange
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, body);

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => ClientOver(handler).CreateCustomerPortalSessionAsync("cus_1"));

        // Assert
        Assert.Equal(DodoApiErrorKind.UnreadableResponse, exception.Kind);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" ")]
    public async Task PathIds_DotSegmentsOrBlank_ThrowWithoutCallingDodo(string id)
    {
        // Arrange: escaped or not, "." and ".." are path steps: "subscriptions/../change-plan" is another resource.
        var client = Client();
        var request = new ChangePlanRequest { ProductId = "pdt_pro" };

        // Act & Assert
        await Assert.ThrowsAsync<ArgumentException>(() => client.ChangePlanAsync(id, request));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PreviewPlanChangeAsync(id, request));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CancelScheduledPlanChangeAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateCustomerPortalSessionAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetProductAsync(id));
        Assert.Empty(_dodo.Requests);
    }

    [Fact]
    public async Task Call_UnknownResponseFields_AreIgnored()
    {
        using var handler = new FixedAnswerHandler(HttpStatusCode.OK, """{"product_id":"pdt_x","is_recurring":true,"brand_new_field":{"a":[1,2]},"price":{"type":"some_new_price","price":"500","currency":"EUR","novel":true}}""");
        var product = await ClientOver(handler).GetProductAsync("pdt_x");

        Assert.True(product.IsRecurring);
        Assert.Equal("some_new_price", product.Price!.Type);
        Assert.Equal(500, product.Price.Amount);
    }

    [Fact]
    public async Task Call_SlowerThanTimeout_ThrowsTimeout()
    {
        _dodo.Delay(HttpMethod.Get, "/products", TimeSpan.FromSeconds(30));

        var exception = await Assert.ThrowsAsync<DodoApiException>(() => Client(o => o.ApiTimeout = TimeSpan.FromMilliseconds(100)).GetProductAsync("pdt_book"));

        Assert.Equal(DodoApiErrorKind.Timeout, exception.Kind);
        Assert.Null(exception.StatusCode);
    }

    [Fact]
    public async Task Call_CancelledByCaller_ThrowsOperationCanceledNotTimeout()
    {
        _dodo.Delay(HttpMethod.Get, "/products", TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetProductAsync("pdt_book", cancellation.Token));
    }

    [Fact]
    public async Task Call_NothingListening_ThrowsUnreachable()
    {
        var port = FreeLoopbackPort();

        var exception = await Assert.ThrowsAsync<DodoApiException>(() => Client(o => o.ApiBaseUrl = $"http://127.0.0.1:{port}", inProcess: false).GetProductAsync("pdt_book"));

        Assert.Equal(DodoApiErrorKind.Unreachable, exception.Kind);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Fact]
    public async Task Call_StandInOnLoopback_WorksOverRealHttp()
    {
        var address = await _dodo.StartAsync();

        var product = await Client(o => o.ApiBaseUrl = address.ToString(), inProcess: false).GetProductAsync("pdt_pro");

        Assert.True(product.IsRecurring);
        Assert.Equal($"Bearer {ApiKey}", Assert.Single(_dodo.Requests).Authorization);
    }

    [Fact]
    public async Task Post_ServerError_IsNotRetried()
    {
        _dodo.Fail(HttpMethod.Post, "/payments", 503, times: 1);

        await Assert.ThrowsAsync<DodoApiException>(() => Client().CreatePaymentAsync(new CreatePaymentRequest { ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }] }));

        Assert.Single(_dodo.Requests);
    }

    [Fact]
    public async Task CreatePayment_SendsSnakeCaseAndForwardsUnknownFields()
    {
        var request = new CreatePaymentRequest
        {
            ProductCart = [new() { ProductId = "pdt_book", Quantity = 2 }],
            Customer = new Customer { Email = "ada@example.com", Name = "Ada" },
            Billing = new BillingAddress { Country = "GB", Zipcode = "N1" },
            PaymentLink = true,
            ReturnUrl = "https://shop.example.com/thanks",
            AdditionalProperties = new() { ["billing_currency"] = JsonSerializer.SerializeToElement("EUR", TestJson.Default.String) },
        };

        var response = await Client().CreatePaymentAsync(request);

        var body = Assert.Single(_dodo.Requests).Json!;
        Assert.Equal("pdt_book", (string?)body["product_cart"]![0]!["product_id"]);
        Assert.Equal(2, (int?)body["product_cart"]![0]!["quantity"]);
        Assert.Equal("GB", (string?)body["billing"]!["country"]);
        Assert.Equal("N1", (string?)body["billing"]!["zipcode"]);
        Assert.True((bool?)body["payment_link"]);
        Assert.Equal("EUR", (string?)body["billing_currency"]);
        Assert.Null(body["discount_code"]);
        Assert.StartsWith("pay_", response.PaymentId, StringComparison.Ordinal);
        Assert.Equal(3998, response.TotalAmount);
        Assert.NotNull(response.PaymentLink);
    }

    [Fact]
    public async Task CreateSubscription_RecurringProduct_ReturnsLink()
    {
        var response = await Client().CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            ProductId = "pdt_pro",
            Customer = new Customer { Email = "ada@example.com" },
            PaymentLink = true,
        });

        Assert.StartsWith("sub_", response.SubscriptionId, StringComparison.Ordinal);
        Assert.Equal(3000, response.RecurringPreTaxAmount);
        Assert.NotNull(response.PaymentLink);
        Assert.Equal("/subscriptions", Assert.Single(_dodo.Requests).Path);
    }

    [Fact]
    public async Task CreateCheckoutSession_ReturnsSessionAndUrl()
    {
        var response = await Client().CreateCheckoutSessionAsync(new CreateCheckoutSessionRequest
        {
            ProductCart = [new() { ProductId = "pdt_book", Quantity = 1 }],
            ReturnUrl = "https://shop.example.com/thanks",
        });

        Assert.StartsWith("cks_", response.SessionId, StringComparison.Ordinal);
        Assert.NotNull(response.CheckoutUrl);
        Assert.Equal("https://shop.example.com/thanks", (string?)Assert.Single(_dodo.Requests).Json!["return_url"]);
    }

    [Theory]
    [InlineData(true, null, "send_email=true")]
    [InlineData(false, null, "send_email=false")]
    [InlineData(null, null, "")]
    [InlineData(false, "https://shop.example.com/account?tab=billing", "send_email=false&return_url=https%3A%2F%2Fshop.example.com%2Faccount%3Ftab%3Dbilling")]
    public async Task CreateCustomerPortalSession_SendsQueryParameters(bool? sendEmail, string? returnUrl, string expectedQuery)
    {
        var session = await Client().CreateCustomerPortalSessionAsync("cus_1", sendEmail, returnUrl);

        var request = Assert.Single(_dodo.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/customers/cus_1/customer-portal/session", request.Path);
        Assert.Equal(expectedQuery, request.Query);
        Assert.Empty(request.Body);
        Assert.Contains("/portal/cus_1", session.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewPlanChange_ReadsImmediateChargeAndNewPlan()
    {
        var preview = await Client().PreviewPlanChangeAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1, ProrationBillingMode = "difference_immediately" });

        Assert.Equal(2000, preview.ImmediateCharge!.Summary!.TotalAmount);
        Assert.Equal("USD", preview.ImmediateCharge.Summary.Currency);
        Assert.Single(preview.ImmediateCharge.LineItems!);
        Assert.Equal("pdt_pro", preview.NewPlan!.ProductId);
        Assert.Equal("pdt_pro", preview.NewPlan.Json.GetProperty("product_id").GetString());
        Assert.Equal("/subscriptions/sub_1/change-plan/preview", Assert.Single(_dodo.Requests).Path);
    }

    [Fact]
    public async Task ChangePlan_Charged_ReturnsPayment()
    {
        var result = await Client().ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1, ProrationBillingMode = "full_immediately" });

        Assert.StartsWith("pay_", result.PaymentId, StringComparison.Ordinal);
        Assert.Equal("full_immediately", (string?)Assert.Single(_dodo.Requests).Json!["proration_billing_mode"]);
    }

    [Fact]
    public async Task CancelScheduledPlanChange_SendsDelete()
    {
        var client = Client();
        await client.ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", EffectiveAt = "next_billing_date" });

        await client.CancelScheduledPlanChangeAsync("sub_1");

        var request = _dodo.Requests[^1];
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/subscriptions/sub_1/change-plan/scheduled", request.Path);
    }

    private IDodoPaymentsApiClient ClientOver(HttpMessageHandler handler)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDodoPayments(options => options.ApiKey = ApiKey).HttpClient.ConfigurePrimaryHttpMessageHandler(() => handler);
        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<IDodoPaymentsApiClient>();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FixedAnswerHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
    }
}
