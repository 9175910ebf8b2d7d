using System.Net;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class CheckoutHookTests
{
    [Fact]
    public async Task SessionHook_SetsServerOnlyFields_ForwardsThem()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        await using var app = await StartAsync(dodo, new SignedInHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"typed@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == "/checkouts").Json!;
        Assert.Equal("cus_signed_in", (string?)upstream["customer"]!["customer_id"]);
        Assert.Null(upstream["customer"]!["email"]);
        Assert.True((bool?)upstream["show_saved_payment_methods"]);
    }

    [Fact]
    public async Task SessionHook_OverwritesMetadata_ForwardsTheAppsValue()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        await using var app = await StartAsync(dodo, new SignedInHook());

        // Act
        await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"metadata":{"user_id":"forged","note":"kept"}}""");

        // Assert
        var metadata = dodo.Requests.Single().Json!["metadata"]!;
        Assert.Equal("user_42", (string?)metadata["user_id"]);
        Assert.Equal("kept", (string?)metadata["note"]);
    }

    [Fact]
    public async Task SessionHook_ServerOnlyFieldFromBrowser_StillRefusedBeforeHook()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        var hook = new SignedInHook();
        await using var app = await StartAsync(dodo, hook);

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"customer_id":"cus_victim"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, hook.Calls);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Hook_Refuses_AnswersItsProblemWithoutCallingDodo()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await StartAsync(dodo, new RefusingHook());

        // Act
        var session = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");
        var dynamic = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_book"}""");
        var @static = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        Assert.Equal("Members only.", (string?)(await session.ReadJsonAsync())["title"]);
        Assert.Equal(HttpStatusCode.Forbidden, dynamic.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, @static.StatusCode);
        Assert.Equal("No static links.", (string?)(await @static.ReadJsonAsync())["title"]);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task DynamicHook_SetsCustomerId_SendsItToPayments()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        await using var app = await StartAsync(dodo, new SignedInHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_book","billing":{"country":"US"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == "/payments").Json!;
        Assert.Equal("cus_signed_in", (string?)upstream["customer"]!["customer_id"]);
        Assert.Equal("user_42", (string?)upstream["metadata"]!["user_id"]);
    }

    [Fact]
    public async Task StaticHook_SetsMetadataAndEmail_ComposesThemIntoUrl()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await StartAsync(dodo, new SignedInHook());

        // Act
        var body = await (await app.Client.GetAsync("/api/checkout?productId=pdt_book&metadata_user_id=forged")).ReadJsonAsync();

        // Assert
        var url = (string?)body["checkout_url"];
        Assert.Contains("&email=ada%40example.com&disableEmail=true&", url, StringComparison.Ordinal);
        Assert.EndsWith("&metadata_user_id=user_42", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_RestrictsProductsItself_AnswersItsProblem()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await StartAsync(dodo, new SignedInHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_adult","quantity":1}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Not for this account.", (string?)(await response.ReadJsonAsync())["title"]);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task AddCheckoutHook_CalledTwice_RunsHookOnce()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout(),
            services: services =>
            {
                services.AddSingleton<CountingHook>();
                services.AddDodoPayments().AddCheckoutHook<CountingHookAdapter>().AddCheckoutHook<CountingHookAdapter>();
            });

        // Act
        await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(1, app.Services.GetRequiredService<CountingHook>().Calls);
    }

    [Fact]
    public async Task SessionHook_ConfirmModeWithSavedMethod_AnswersProblemInsteadOfNullUrl()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        await using var app = await StartAsync(dodo, new ConfirmHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("CHECKOUT_URL_MISSING", (string?)problem["code"]);
        Assert.StartsWith("cks_", (string?)problem["session_id"], StringComparison.Ordinal);
        Assert.Null(problem["checkout_url"]);
    }

    [Fact]
    public async Task Hook_RemovesTheProduct_AnswersValidationProblemNot500()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await StartAsync(dodo, new ClearingHook());

        // Act
        var @static = await app.Client.GetAsync("/api/checkout?productId=pdt_book");
        var dynamic = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, @static.StatusCode);
        Assert.NotEmpty((await @static.ReadJsonAsync()).Errors("productId"));
        Assert.Equal(HttpStatusCode.BadRequest, dynamic.StatusCode);
        Assert.NotEmpty((await dynamic.ReadJsonAsync()).Errors("product_id"));
        Assert.Empty(dodo.Requests);
    }

    private static Task<DodoTestApp> StartAsync(DodoApiStandIn dodo, IDodoCheckoutHook hook) =>
        DodoTestApp.StartAsync(
            dodo,
            endpoints =>
            {
                endpoints.MapDodoCheckout();
                endpoints.MapDodoDynamicCheckout();
            },
            services: services => services.AddSingleton(hook));

    /// <summary>What the sample does: the signed-in user decides the customer and the metadata.</summary>
    private sealed class SignedInHook : IDodoCheckoutHook
    {
        public int Calls { get; private set; }

        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request)
        {
            Calls++;
            request.Email = "ada@example.com";
            request.DisableEmail = true;
            request.Metadata["user_id"] = "user_42";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
        {
            Calls++;
            if (request.ProductCart?.Any(item => item.ProductId == "pdt_adult") == true)
            {
                return ValueTask.FromResult<ProblemDetails?>(new ProblemDetails { Title = "Not for this account." });
            }

            request.Customer = new CustomerRequest { CustomerId = "cus_signed_in" };
            request.ShowSavedPaymentMethods = true;
            request.Metadata ??= [];
            request.Metadata["user_id"] = JsonSerializer.SerializeToElement("user_42");
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
        {
            Calls++;
            request.Customer = new CustomerRequest { CustomerId = "cus_signed_in" };
            request.Metadata ??= [];
            request.Metadata["user_id"] = JsonSerializer.SerializeToElement("user_42");
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class ConfirmHook : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
        {
            request.Customer = new CustomerRequest { CustomerId = "cus_signed_in" };
            request.Confirm = true;
            request.PaymentMethodId = "pm_saved";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class ClearingHook : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request)
        {
            request.ProductId = null;
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
        {
            request.ProductCart = [];
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class RefusingHook : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request) =>
            ValueTask.FromResult<ProblemDetails?>(new ProblemDetails { Title = "No static links." });

        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request) =>
            ValueTask.FromResult<ProblemDetails?>(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Members only." });

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request) =>
            ValueTask.FromResult<ProblemDetails?>(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Members only." });
    }

    private sealed class CountingHook
    {
        public int Calls { get; set; }
    }

    private sealed class CountingHookAdapter(CountingHook counter) : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request)
        {
            counter.Calls++;
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }
}
