using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task SessionHook_SetsPriceTermsAndUnmodelledFields_ForwardsThem()
    {
        // Arrange: refused from the browser, but the app decides prices and terms on the server.
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_pro");
        await using var app = await StartAsync(dodo, new PricingHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_pro","quantity":1}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == "/checkouts").Json!;
        Assert.Equal(30, (int?)upstream["subscription_data"]!["trial_period_days"]);
        Assert.True((bool?)upstream["subscription_data"]!["on_demand"]!["mandate_only"]);
        Assert.Equal(500, (long?)upstream["product_cart"]![0]!["amount"]);
        Assert.Equal("ce_1", (string?)upstream["product_cart"]![0]!["credit_entitlements"]![0]!["id"]);
        Assert.Equal("from the app", (string?)upstream["future_field"]);
    }

    [Fact]
    public async Task DynamicHook_SetsPriceTermsAndUnmodelledFields_ForwardsThemToSubscriptions()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddSubscriptionProduct("pdt_pro");
        await using var app = await StartAsync(dodo, new PricingHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_pro","billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == "/subscriptions").Json!;
        Assert.Equal(30, (int?)upstream["trial_period_days"]);
        Assert.True((bool?)upstream["on_demand"]!["mandate_only"]);
        Assert.Equal("from the app", (string?)upstream["future_field"]);
    }

    [Fact]
    public async Task StaticHook_SetsPaymentAmount_ComposesItIntoUrl()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await StartAsync(dodo, new PricingHook());

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&paymentAmount=500", (string?)(await response.ReadJsonAsync())["checkout_url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamicHook_SuppliesBillingAndCustomer_BrowserNeedNotSendThem()
    {
        // Arrange: billing and customer are required of what goes to Dodo, so a hook may fill them in.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        await using var app = await StartAsync(dodo, new PricingHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_book"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == "/payments").Json!;
        Assert.Equal("GB", (string?)upstream["billing"]!["country"]);
        Assert.Equal("cus_signed_in", (string?)upstream["customer"]!["customer_id"]);
    }

    [Fact]
    public async Task Hook_LeavesBillingOut_AnswersValidationProblemNamingBilling()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_signed_in");
        await using var app = await StartAsync(dodo, new SignedInHook());

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_book"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["billing"], (await response.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Hook_SetsUnsafeProductId_AnswersValidationProblemWithoutCallingDodo()
    {
        // Arrange: an id goes into GET /products/{id}; '..' would step out of that path, whoever set it.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await StartAsync(dodo, new UnsafeIdHook());

        // Act
        var @static = await app.Client.GetAsync("/api/checkout?productId=pdt_book");
        var dynamic = await app.Client.PostJsonAsync("/api/checkout/dynamic", """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"a@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, @static.StatusCode);
        Assert.Equal(["productId"], (await @static.ReadJsonAsync()).ErrorKeys());
        Assert.Equal(HttpStatusCode.BadRequest, dynamic.StatusCode);
        Assert.Equal(["product_id"], (await dynamic.ReadJsonAsync()).ErrorKeys());
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

            request.Customer = new Customer { CustomerId = "cus_signed_in" };
            request.ShowSavedPaymentMethods = true;
            request.Metadata ??= [];
            request.Metadata["user_id"] = "user_42";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
        {
            Calls++;
            request.Customer = new Customer { CustomerId = "cus_signed_in" };
            request.Metadata ??= [];
            request.Metadata["user_id"] = "user_42";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    /// <summary>Sets, on the server, every field a browser may not: prices, billing terms and fields the package does not model.</summary>
    private sealed class PricingHook : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request)
        {
            request.PaymentAmount = "500";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
        {
            request.SubscriptionData = new JsonObject { ["trial_period_days"] = 30, ["on_demand"] = new JsonObject { ["mandate_only"] = true } };
            request.ProductCart![0].Amount = 500;
            request.ProductCart[0].AdditionalProperties = new() { ["credit_entitlements"] = JsonDocument.Parse("""[{"id":"ce_1"}]""").RootElement };
            request.AdditionalProperties = new() { ["future_field"] = JsonSerializer.SerializeToElement("from the app") };
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
        {
            request.TrialPeriodDays = 30;
            request.OnDemand = new JsonObject { ["mandate_only"] = true };
            request.AdditionalProperties = new() { ["future_field"] = JsonSerializer.SerializeToElement("from the app") };
            request.Billing ??= new BillingAddress { Country = "GB" };
            request.Customer ??= new Customer { CustomerId = "cus_signed_in" };
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class UnsafeIdHook : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request)
        {
            request.ProductId = "..";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
        {
            request.ProductId = "..";
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class ConfirmHook : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
        {
            request.Customer = new Customer { CustomerId = "cus_signed_in" };
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
