using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class StaticCheckoutEndpointTests
{
    private const string Base = "https://test.checkout.dodopayments.com/buy/pdt_book";

    [Fact]
    public async Task Get_KnownProduct_AnswersCheckoutUrlOnTestHost()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.ReadJsonAsync();
        Assert.Equal($"{Base}?quantity=1&redirect_url=https%3A%2F%2Fshop.example.com%2Fthanks", (string?)body["checkout_url"]);
        Assert.Single(body.AsObject());
    }

    [Fact]
    public async Task Get_EveryParameter_ComposesUrlAsTheAdaptors()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());
        var query = "productId=pdt_book&quantity=3&fullName=Ada%20Lovelace&email=ada%40example.com&country=GB"
            + "&disableEmail=true&disableCountry=false&disableCity=True&paymentCurrency=EUR&showDiscounts=false"
            + "&metadata_x=1&metadata_order=A%20B&metadata_empty=&foo=bar";

        // Act
        var body = await (await app.Client.GetAsync($"/api/checkout?{query}")).ReadJsonAsync();

        // Assert
        Assert.Equal(
            $"{Base}?quantity=3&redirect_url=https%3A%2F%2Fshop.example.com%2Fthanks&fullName=Ada%20Lovelace&email=ada%40example.com&country=GB"
            + "&disableEmail=true&paymentCurrency=EUR&showDiscounts=false&metadata_x=1&metadata_order=A%20B",
            (string?)body["checkout_url"]);
    }

    [Fact]
    public async Task Get_CheckoutBaseUrlAndNoReturnUrl_UsesBaseAndOmitsRedirect()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:ReturnUrl"] = null, ["DodoPayments:CheckoutBaseUrl"] = "https://pay.example.com/checkout" });

        // Act
        var body = await (await app.Client.GetAsync("/api/checkout?productId=pdt_book")).ReadJsonAsync();

        // Assert
        Assert.Equal("https://pay.example.com/checkout/buy/pdt_book?quantity=1", (string?)body["checkout_url"]);
    }

    [Fact]
    public async Task Get_LiveMode_UsesLiveCheckoutHost()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:Environment"] = "live_mode", ["DodoPayments:ReturnUrl"] = null });

        // Act
        var body = await (await app.Client.GetAsync("/api/checkout?productId=pdt_book")).ReadJsonAsync();

        // Assert
        Assert.Equal("https://checkout.dodopayments.com/buy/pdt_book?quantity=1", (string?)body["checkout_url"]);
    }

    [Fact]
    public async Task Get_NoProductId_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync("/api/checkout?quantity=2");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["productId is required."], (await response.ReadJsonAsync()).Errors("productId"));
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public async Task Get_QuantityNotPositiveWholeNumber_AnswersValidationProblem(string quantity)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync($"/api/checkout?productId=pdt_book&quantity={quantity}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("quantity"));
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Get_UnknownProduct_AnswersValidationProblemNamingProductId()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_missing");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Product 'pdt_missing' was not found."], (await response.ReadJsonAsync()).Errors("productId"));
    }

    [Fact]
    public async Task Get_ManyRequestsForOneProduct_CallsDodoOnce()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Client.GetAsync("/api/checkout?productId=pdt_book")));

        // Assert
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Single(dodo.Requests, request => request.Path == "/products/pdt_book");
    }

    [Fact]
    public async Task Get_MissingProductAskedTwice_CallsDodoOnce()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        await app.Client.GetAsync("/api/checkout?productId=pdt_missing");
        var second = await app.Client.GetAsync("/api/checkout?productId=pdt_missing");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Single(dodo.Requests);
    }

    [Fact]
    public async Task Get_ParallelRequestsForUnknownProduct_LookUpOnce()
    {
        // Arrange: an unknown id asked for over and over must not spend the API key's rate budget.
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Client.GetAsync("/api/checkout?productId=pdt_ghost")));
        var later = await app.Client.GetAsync("/api/checkout?productId=pdt_ghost");

        // Assert
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, later.StatusCode);
        Assert.Single(dodo.Requests, request => request.Path == "/products/pdt_ghost");
    }

    [Fact]
    public async Task Get_PaymentAmountFromBrowser_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange: the browser does not set prices.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_book&paymentAmount=1");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["paymentAmount"], (await response.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("%2E%2E")]
    [InlineData("%20")]
    public async Task Get_UnsafeProductId_AnswersValidationProblemWithoutCallingDodo(string productId)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync($"/api/checkout?productId={productId}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["productId"], (await response.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Get_ProductCacheDisabled_CallsDodoEachTime()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:Checkout:ProductCacheDuration"] = "00:00:00" });

        // Act
        await app.Client.GetAsync("/api/checkout?productId=pdt_book");
        await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(2, dodo.Requests.Count);
    }

    [Theory]
    [InlineData(401, HttpStatusCode.BadGateway)]
    [InlineData(403, HttpStatusCode.BadGateway)]
    [InlineData(429, HttpStatusCode.BadGateway)]
    [InlineData(500, HttpStatusCode.BadGateway)]
    [InlineData(503, HttpStatusCode.BadGateway)]
    [InlineData(422, HttpStatusCode.BadRequest)]
    public async Task Get_DodoFails_AnswersMappedStatus(int dodoStatus, HttpStatusCode expected)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Fail(HttpMethod.Get, "/products", dodoStatus, message: "upstream detail");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(DodoTestApp.ApiKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain("upstream detail", body, StringComparison.Ordinal);   // Dodo's message only in Development
    }

    [Fact]
    public async Task Get_DodoFailedOnce_DoesNotRememberTheFailure()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Fail(HttpMethod.Get, "/products", 503, times: 1);
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout());

        // Act
        var first = await app.Client.GetAsync("/api/checkout?productId=pdt_book");
        var second = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Get_DodoTooSlow_Answers504()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Delay(HttpMethod.Get, "/products", TimeSpan.FromSeconds(30));
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:ApiTimeout"] = "00:00:00.200" });

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task Get_ProductNotInAllowedProductIds_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddOneTimeProduct("pdt_secret");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:Checkout:AllowedProductIds:0"] = "pdt_book" });

        // Act
        var refused = await app.Client.GetAsync("/api/checkout?productId=pdt_secret");
        var allowed = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Product 'pdt_secret' cannot be bought here."], (await refused.ReadJsonAsync()).Errors("productId"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.DoesNotContain(dodo.Requests, request => request.Path == "/products/pdt_secret");
    }
}
