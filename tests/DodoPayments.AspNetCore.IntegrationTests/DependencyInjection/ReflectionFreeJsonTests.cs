using System.Net;
using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.IntegrationTests.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.Webhooks;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DodoPayments.AspNetCore.IntegrationTests.DependencyInjection;

/// <summary>
/// What a Native AOT app gets: the app's JSON options hold no reflection-based resolver, and the app calls neither
/// <c>AddProblemDetails</c> nor adds a resolver of its own. Every answer must still be what API.md says, not a 500
/// because the metadata of <see cref="ProblemDetails"/> (or of another type the package writes) is missing.
/// </summary>
public sealed class ReflectionFreeJsonTests : IAsyncDisposable
{
    private const string ProblemJson = "application/problem+json";

    private readonly DodoApiStandIn _dodo = new DodoApiStandIn()
        .AddOneTimeProduct("pdt_book")
        .AddOneTimeProduct("pdt_broken")
        .AddSubscriptionProduct("pdt_basic", "Basic", price: 3000)
        .AddSubscriptionProduct("pdt_pro", "Pro", price: 8000)
        .AddSubscription("sub_1", "pdt_basic", "cus_1")
        .Fail(HttpMethod.Get, "/products/pdt_broken", 503)
        .Fail(HttpMethod.Post, "/checkouts", 422, "PRODUCT_NOT_AVAILABLE", "Not for sale", times: 1);

    private DodoTestApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _dodo.DisposeAsync();
    }

    private async Task<HttpClient> StartAsync()
    {
        _app = await DodoTestApp.StartAsync(
            _dodo,
            endpoints =>
            {
                endpoints.MapDodoCheckout();
                endpoints.MapDodoDynamicCheckout();
                endpoints.MapDodoCustomerPortal("/api/customer-portal", _ => ValueTask.FromResult<string?>(null));
                endpoints.MapDodoPlanChange("/api/subscription/plan", _ => ValueTask.FromResult<string?>("sub_1"));
                endpoints.MapDodoWebhooks();
            },
            new Dictionary<string, string?> { ["DodoPayments:WebhookKey"] = DodoTestApp.Secret, ["DodoPayments:MaxRequestBodySize"] = "1024" },
            services => services.PostConfigure<JsonOptions>(json =>
            {
                // As under Native AOT (JsonSerializer.IsReflectionEnabledByDefault is false): no reflection-based resolver.
                var chain = json.SerializerOptions.TypeInfoResolverChain;
                for (var i = chain.Count - 1; i >= 0; i--)
                {
                    if (chain[i] is DefaultJsonTypeInfoResolver)
                    {
                        chain.RemoveAt(i);
                    }
                }
            }));
        return _app.Client;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
    }

    [Fact]
    public async Task JsonOptions_WithoutReflection_StillResolveEveryTypeThePackageWrites()
    {
        // Arrange
        await StartAsync();
        var options = _app!.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        // Act
        var resolvers = options.TypeInfoResolverChain.ToList();

        // Assert
        Assert.DoesNotContain(resolvers, resolver => resolver is DefaultJsonTypeInfoResolver);
        Assert.NotNull(options.GetTypeInfo(typeof(ProblemDetails)));
        Assert.NotNull(options.GetTypeInfo(typeof(HttpValidationProblemDetails)));
        Assert.NotNull(options.GetTypeInfo(typeof(string)));
        Assert.NotNull(options.GetTypeInfo(typeof(global::DodoPayments.AspNetCore.Checkout.CheckoutUrlResponse)));
    }

    [Fact]
    public async Task Webhook_WrongSignature_Answers401ProblemDetails()
    {
        // Arrange
        var client = await StartAsync();
        using var request = new DodoWebhookSigner(DodoTestApp.OtherSecret).CreateRequest(
            DodoTestApp.WebhookRoute, DodoTestApp.PaymentSucceeded(), "msg_wrong", TimeProvider.System.GetUtcNow());

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Checkout_InvalidBody_Answers400ValidationProblemDetails()
    {
        // Arrange
        var client = await StartAsync();

        // Act
        using var response = await client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":0}]}""");

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty((await response.ReadJsonAsync()).Errors("product_cart[0].quantity"));
    }

    [Fact]
    public async Task Checkout_DodoRefuses_Answers400WithDodosCode()
    {
        // Arrange
        var client = await StartAsync();

        // Act
        using var response = await client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("PRODUCT_NOT_AVAILABLE", (string?)(await response.ReadJsonAsync())["code"]);
    }

    [Fact]
    public async Task Checkout_DodoUnavailable_Answers502ProblemDetails()
    {
        // Arrange
        var client = await StartAsync();

        // Act
        using var response = await client.GetAsync("/api/checkout?productId=pdt_broken");

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task Checkout_BodyTooLarge_Answers413ProblemDetails()
    {
        // Arrange
        var client = await StartAsync();
        var body = $$$"""{"product_id":"pdt_book","metadata":{"note":"{{{new string('x', 2048)}}}"}}""";

        // Act
        using var response = await client.PostJsonAsync("/api/checkout/dynamic", body);

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Checkout_Valid_Answers200WithTheCheckoutUrl()
    {
        // Arrange
        var client = await StartAsync();

        // Act
        using var response = await client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("https://", (string?)(await response.ReadJsonAsync())["checkout_url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanChangePreview_Valid_Answers200WithDodosAnswer()
    {
        // Arrange
        var client = await StartAsync();

        // Act
        using var response = await client.PostJsonAsync("/api/subscription/plan/preview", """{"product_id":"pdt_pro"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["new_plan"]);
    }

    [Fact]
    public async Task CustomerPortal_NoSignedInCustomer_Answers401ProblemDetails()
    {
        // Arrange
        var client = await StartAsync();

        // Act
        using var response = await client.GetAsync("/api/customer-portal");

        // Assert
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
