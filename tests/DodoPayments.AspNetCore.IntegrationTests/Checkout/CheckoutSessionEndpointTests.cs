using System.Net;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class CheckoutSessionEndpointTests
{
    private const string Cart = """{"product_cart":[{"product_id":"pdt_book","quantity":1}]""";

    [Fact]
    public async Task Post_ValidCart_AnswersSessionCheckoutUrl()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", Cart + "}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (string?)(await response.ReadJsonAsync())["checkout_url"];
        Assert.StartsWith("https://stand-in.dodopayments.invalid/checkout/cks_", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EveryFieldABrowserMaySend_ForwardsBodyUnchangedWithReturnUrlFallback()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());
        var sent = JsonNode.Parse("""
            {
              "product_cart": [{"product_id": "pdt_book", "quantity": 2, "addons": [{"addon_id": "add_1", "quantity": 0}]}],
              "customer": {"email": "ada@example.com", "name": "Ada", "phone_number": "+441234"},
              "billing_address": {"country": "GB", "city": "London", "zipcode": "N1"},
              "billing_currency": "GBP",
              "allowed_payment_method_types": ["credit", "debit"],
              "cancel_url": "https://shop.example.com/cancel",
              "discount_codes": ["SAVE10"],
              "metadata": {"order": "42", "count": 3, "gift": true},
              "customization": {"theme": "dark", "show_order_details": true},
              "feature_flags": {"allow_discount_code": true, "allow_customer_editing_email": false},
              "custom_fields": [{"key": "company", "label": "Company"}],
              "tax_id": "GB123",
              "customer_business_name": "Analytical Engines",
              "short_link": true,
              "minimal_address": false,
              "force_3ds": true
            }
            """)!;

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", sent.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = Assert.Single(dodo.Requests, request => request.Path == "/checkouts").Json!.AsObject();
        var expected = sent.DeepClone().AsObject();
        expected["return_url"] = DodoTestApp.ReturnUrl;
        Assert.True(JsonNode.DeepEquals(expected, upstream), upstream.ToJsonString());
    }

    [Fact]
    public async Task Post_ReturnUrlInBodyOnAllowedHost_KeepsIt()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:AllowedReturnHosts:0"] = "other.example.com" });

        // Act
        await app.Client.PostJsonAsync("/api/checkout", Cart + ""","return_url":"https://other.example.com/done"}""");

        // Assert
        Assert.Equal("https://other.example.com/done", (string?)dodo.Requests.Single().Json!["return_url"]);
    }

    [Fact]
    public async Task Post_ProductCollection_CreatesCollectionSession()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_starter").AddSubscriptionProduct("pdt_pro").AddProductCollection("pdc_plans", "pdt_starter", "pdt_pro");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_collection_id":"pdc_plans"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pdc_plans", (string?)dodo.Requests.Single().Json!["product_collection_id"]);
    }

    [Theory]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"customer_id":"cus_victim"}}""", "customer.customer_id")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"payment_method_id":"pm_victim"}""", "payment_method_id")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"show_saved_payment_methods":true}""", "show_saved_payment_methods")]
    public async Task Post_BrowserSendsServerOnlyField_AnswersValidationProblemWithoutCallingDodo(string json, string field)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_victim");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors(field));
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":0}]}""", "product_cart[0].quantity")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"billing_address":{"country":"XX"}}""", "billing_address.country")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":"two"}]}""", "product_cart[0].quantity")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}""", "body")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book" "quantity":1}]}""", "body")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"confirm":"yes"}""", "confirm")]
    [InlineData("""{"product_cart":[{"product_id":"pdt_book","quantity":1}],"metadata":[1]}""", "metadata")]
    [InlineData("""[]""", "body")]
    [InlineData("""null""", "body")]
    [InlineData("", "product_cart")]
    public async Task Post_InvalidBody_AnswersValidationProblemKeyedByWireName(string json, string key)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.Errors(key).Length > 0, problem.ToJsonString());
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Post_JsonWithoutJsonContentType_IsReadAsJson(string? contentType)
    {
        // Arrange: fetch() sends a string body as text/plain, and the official adaptors parse it anyway.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());
        using var content = new StringContent("""{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        // Act
        var response = await app.Client.PostAsync("/api/checkout", content);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(dodo.Requests, r => r.Path == "/checkouts");
    }

    [Fact]
    public async Task Post_FormContentType_Answers400ProblemNamingBody()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.PostAsync("/api/checkout", new FormUrlEncodedContent(new Dictionary<string, string> { ["product_id"] = "pdt_book" }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData(400, "INVALID_REQUEST_BODY", HttpStatusCode.BadRequest)]
    [InlineData(404, "NOT_FOUND", HttpStatusCode.BadRequest)]
    [InlineData(409, "CONFLICT", HttpStatusCode.BadRequest)]
    [InlineData(422, "INVALID_REQUEST_PARAMETERS", HttpStatusCode.BadRequest)]
    [InlineData(401, "UNAUTHORIZED", HttpStatusCode.BadGateway)]
    [InlineData(403, "FORBIDDEN", HttpStatusCode.BadGateway)]
    [InlineData(429, "TOO_MANY_REQUESTS", HttpStatusCode.BadGateway)]
    [InlineData(500, "INTERNAL_SERVER_ERROR", HttpStatusCode.BadGateway)]
    public async Task Post_DodoFails_AnswersMappedStatusWithCodeOnlyFor4xx(int dodoStatus, string code, HttpStatusCode expected)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Fail(HttpMethod.Post, "/checkouts", dodoStatus, code, "Dodo says no");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", Cart + "}");

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal(code, (string?)problem["code"]);
        }
        else
        {
            Assert.Null(problem["code"]);
        }

        // Dodo's message only in Development (CheckoutUpstreamAnswerTests); this app runs in Production.
        Assert.DoesNotContain("Dodo says no", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DodoUnreachable_Answers502()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            services: services => services.AddHttpClient(DodoPaymentsOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new UnreachableHandler()));

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", Cart + "}");

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task Post_DodoTooSlow_Answers504()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Delay(HttpMethod.Post, "/checkouts", TimeSpan.FromSeconds(30));
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:ApiTimeout"] = "00:00:00.200" });

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", Cart + "}");

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task Post_CartProductNotAllowed_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddOneTimeProduct("pdt_secret");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:Checkout:AllowedProductIds:0"] = "pdt_book" });

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1},{"product_id":"pdt_secret","quantity":1}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("product_cart[1].product_id"));
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Post_CollectionNotAllowed_AnswersValidationProblem()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddProductCollection("pdc_all", "pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:Checkout:AllowedProductIds:0"] = "pdt_book" });

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_collection_id":"pdc_all"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("product_collection_id"));
    }

    private sealed class UnreachableHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
    }
}
