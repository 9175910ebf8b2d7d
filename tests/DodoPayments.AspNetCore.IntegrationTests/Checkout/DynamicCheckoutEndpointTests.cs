using System.Net;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class DynamicCheckoutEndpointTests
{
    [Fact]
    public async Task Post_OneTimeProduct_CreatesPaymentLinkWithAdaptorBody()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """
            {"product_id":"pdt_book","quantity":2,"billing":{"country":"US","city":"NYC"},"customer":{"email":"ada@example.com","name":"Ada"},
             "metadata":{"order":"42"},"discount_code":"SAVE","billing_currency":"USD","tax_id":"US1"}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("https://stand-in.dodopayments.invalid/checkout/pay_", (string?)(await response.ReadJsonAsync())["checkout_url"], StringComparison.Ordinal);
        Assert.Equal(["GET /products/pdt_book", "POST /payments"], dodo.Requests.Select(request => $"{request.Method} {request.Path}"));
        var expected = JsonNode.Parse($$"""
            {"product_cart":[{"product_id":"pdt_book","quantity":2}],"billing":{"country":"US","city":"NYC"},"customer":{"email":"ada@example.com","name":"Ada"},
             "payment_link":true,"return_url":"{{DodoTestApp.ReturnUrl}}","metadata":{"order":"42"},"discount_code":"SAVE",
             "billing_currency":"USD","tax_id":"US1"}
            """);
        var upstream = dodo.Requests[1].Json;
        Assert.True(JsonNode.DeepEquals(expected, upstream), upstream!.ToJsonString());
    }

    [Fact]
    public async Task Post_OneTimeCart_SendsCartAsGiven()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddOneTimeProduct("pdt_pen");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """
            {"product_cart":[{"product_id":"pdt_book","quantity":1},{"product_id":"pdt_pen","quantity":3}],"billing":{"country":"IN"},"customer":{"email":"a@example.com","name":"A"}}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/products/pdt_book", dodo.Requests[0].Path);
        var cart = dodo.Requests[1].Json!["product_cart"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"product_id":"pdt_book","quantity":1},{"product_id":"pdt_pen","quantity":3}]"""), cart), cart!.ToJsonString());
    }

    [Fact]
    public async Task Post_SubscriptionProduct_CreatesSubscriptionLinkWithAdaptorBody()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_pro");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """
            {"product_id":"pdt_pro","billing":{"country":"DE"},"customer":{"email":"ada@example.com","name":"Ada"},
             "addons":[{"addon_id":"add_seat","quantity":2}],"return_url":"https://shop.example.com/welcome"}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("https://stand-in.dodopayments.invalid/checkout/sub_", (string?)(await response.ReadJsonAsync())["checkout_url"], StringComparison.Ordinal);
        Assert.Equal(["GET /products/pdt_pro", "POST /subscriptions"], dodo.Requests.Select(request => $"{request.Method} {request.Path}"));
        var expected = JsonNode.Parse("""
            {"product_id":"pdt_pro","quantity":1,"billing":{"country":"DE"},"customer":{"email":"ada@example.com","name":"Ada"},
             "payment_link":true,"return_url":"https://shop.example.com/welcome","addons":[{"addon_id":"add_seat","quantity":2}]}
            """);
        var upstream = dodo.Requests[1].Json;
        Assert.True(JsonNode.DeepEquals(expected, upstream), upstream!.ToJsonString());
    }

    [Fact]
    public async Task Post_SubscriptionInCart_UsesCartLineForProductAndQuantity()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_pro");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_cart":[{"product_id":"pdt_pro","quantity":3}],"billing":{"country":"DE"},"customer":{"email":"a@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests[1].Json!;
        Assert.Equal("/subscriptions", dodo.Requests[1].Path);
        Assert.Equal("pdt_pro", (string?)upstream["product_id"]);
        Assert.Equal(3, (int?)upstream["quantity"]);
        Assert.Null(upstream["product_cart"]);
    }

    [Fact]
    public async Task Post_SubscriptionWithSeveralCartLines_AnswersValidationProblem()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_pro").AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_cart":[{"product_id":"pdt_pro","quantity":1},{"product_id":"pdt_book","quantity":1}],"billing":{"country":"US"},"customer":{"email":"a@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("product_cart"));
        Assert.DoesNotContain(dodo.Requests, request => request.Method == "POST");
    }

    [Fact]
    public async Task Post_UnknownProduct_AnswersValidationProblemNamingProductId()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_missing","billing":{"country":"US"},"customer":{"email":"a@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Product 'pdt_missing' was not found."], (await response.ReadJsonAsync()).Errors("product_id"));
    }

    [Fact]
    public async Task Post_NoProduct_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"quantity":1}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("product_id"));
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("""{"product_id":"pdt_book","customer":{"email":"a@example.com"}}""", new[] { "billing" })]
    [InlineData("""{"product_id":"pdt_book","billing":{"country":"US"}}""", new[] { "customer" })]
    [InlineData("""{"product_id":"pdt_book"}""", new[] { "billing", "customer" })]
    [InlineData("""{"product_id":"pdt_book","billing":{"city":"NYC"},"customer":{"email":"a@example.com"}}""", new[] { "billing.country" })]
    [InlineData("""{"product_id":"pdt_book","billing":{"country":""},"customer":{"email":"a@example.com"}}""", new[] { "billing.country" })]
    [InlineData("""{"product_id":"pdt_book","billing":null,"customer":null}""", new[] { "billing", "customer" })]
    public async Task Post_WithoutBillingOrCustomer_AnswersValidationProblemWithoutCallingDodo(string json, string[] fields)
    {
        // Arrange: Dodo requires both for payment links, as the official core checks before calling the API.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(fields, (await response.ReadJsonAsync()).ErrorKeys().Order(StringComparer.Ordinal));
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("""{"product_id":"pdt_book","customer":{"customer_id":"cus_victim"}}""", "customer.customer_id")]
    [InlineData("""{"product_id":"pdt_book","payment_method_id":"pm_1"}""", "payment_method_id")]
    [InlineData("""{"product_id":"pdt_book","show_saved_payment_methods":true}""", "show_saved_payment_methods")]
    public async Task Post_BrowserSendsServerOnlyField_AnswersValidationProblemWithoutCallingDodo(string json, string field)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors(field));
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("/payments", 422, HttpStatusCode.BadRequest)]
    [InlineData("/payments", 500, HttpStatusCode.BadGateway)]
    [InlineData("/products", 401, HttpStatusCode.BadGateway)]
    public async Task Post_DodoFails_AnswersMappedStatus(string path, int dodoStatus, HttpStatusCode expected)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Fail(null, path, dodoStatus);
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"a@example.com"}}""");

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Post_DodoTooSlow_Answers504()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_pro").Delay(HttpMethod.Post, "/subscriptions", TimeSpan.FromSeconds(30));
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoDynamicCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:ApiTimeout"] = "00:00:00.200" });

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_pro","billing":{"country":"US"},"customer":{"email":"a@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task Post_ProductNotAllowed_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_secret");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoDynamicCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:Checkout:AllowedProductIds:0"] = "pdt_book" });

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_secret"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("product_id"));
        Assert.Empty(dodo.Requests);
    }
}
