using System.Net;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.PlanChange;
using DodoPayments.AspNetCore.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.IntegrationTests.Http;

/// <summary>The one pipeline every endpoint that calls Dodo runs: checkout, customer portal and plan change alike.</summary>
public sealed class DodoEndpointTests
{
    private const string PlanPath = "/api/subscription/plan";
    private const string CartBody = """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""";
    private const string FiveLineCartWithUrls = """
        {"product_cart":[{"product_id":"pdt_book","quantity":1},{"product_id":"pdt_book","quantity":2},{"product_id":"pdt_book","quantity":3},
          {"product_id":"pdt_book","quantity":4},{"product_id":"pdt_book","quantity":5}],
         "return_url":"https://shop.example.com/back","cancel_url":"https://shop.example.com/cart"}
        """;

    private static void MapAll(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDodoCheckout();
        endpoints.MapDodoCustomerPortal("/api/customer-portal", _ => ValueTask.FromResult<string?>("cus_1"));
        endpoints.MapDodoPlanChange(PlanPath, _ => ValueTask.FromResult<string?>("sub_1"));
    }

    [Theory]
    [InlineData("session")]
    [InlineData("plan change")]
    public async Task Validator_RegisteredScoped_IsResolvedFromEachRequestsScope(string endpoint)
    {
        // Arrange: a scoped validator must not be captured by a singleton.
        var created = new ValidatorCount();
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddSubscriptionProduct("pdt_pro").AddSubscription("sub_1", "pdt_pro");
        await using var app = await DodoTestApp.StartAsync(dodo, MapAll, services: services =>
        {
            services.AddSingleton(created);
            services.AddScoped<IValidator<CheckoutSessionRequest>, CountedSessionValidator>();
            services.AddScoped<IValidator<ChangePlanRequest>, CountedPlanChangeValidator>();
        });

        // Act
        for (var i = 0; i < 2; i++)
        {
            using var response = endpoint == "session"
                ? await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, CartBody)
                : await app.Client.PostJsonAsync(PlanPath + "/preview", """{"product_id":"pdt_pro"}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Assert
        Assert.Equal(2, created.Count);
    }

    [Theory]
    [InlineData(CheckoutHttp.SessionPath, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"payment_method_id":"pm_1"}""", "payment_method_id")]
    [InlineData(PlanPath, """{"product_id":"pdt_pro","proration_billing_mode":"do_not_bill"}""", "proration_billing_mode")]
    public async Task Validator_ReplacedByOneThatAcceptsAll_WhatTheBrowserMayNotSendIsStillRefused(string path, string body, string field)
    {
        // Arrange: the browser-field policy is the endpoint's, not the replaceable validator's.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddSubscriptionProduct("pdt_pro").AddSubscription("sub_1", "pdt_pro");
        await using var app = await DodoTestApp.StartAsync(dodo, MapAll, services: services =>
        {
            services.AddSingleton<IValidator<CheckoutSessionRequest>, InlineValidator<CheckoutSessionRequest>>();
            services.AddSingleton<IValidator<ChangePlanRequest>, InlineValidator<ChangePlanRequest>>();
        });

        // Act
        var response = await app.Client.PostJsonAsync(path, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Options_CheckoutSession_AreReadOncePerRequestWhateverTheBody()
    {
        // Arrange
        var reads = new ReadCount();
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, MapAll, services: services => CountOptionReads(services, reads));

        // Act
        var small = await ReadsOfAsync(app, reads, CheckoutHttp.SessionPath, CartBody);
        var large = await ReadsOfAsync(app, reads, CheckoutHttp.SessionPath, FiveLineCartWithUrls);

        // Assert: once by the endpoint, once by the API client for its one call to Dodo.
        Assert.Equal(2, small);
        Assert.Equal(2, large);
    }

    [Fact]
    public async Task Options_DynamicCheckout_ReadOnceByTheEndpointAndOnceByEachDodoCall()
    {
        // Arrange
        var reads = new ReadCount();
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout(), services: services => CountOptionReads(services, reads));
        const string body = """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""";

        // Act: the first request looks the product up (GET /products, then POST /payments), the second finds it cached.
        var first = await ReadsOfAsync(app, reads, CheckoutHttp.DynamicPath, body);
        var second = await ReadsOfAsync(app, reads, CheckoutHttp.DynamicPath, body);

        // Assert
        Assert.Equal(1 + 2, first);
        Assert.Equal(1 + 1, second);
    }

    [Theory]
    [InlineData("GET", "/api/customer-portal", "/customers/cus_1/customer-portal/session")]
    [InlineData("POST", CheckoutHttp.SessionPath, "/checkouts")]
    [InlineData("POST", PlanPath, "/subscriptions/sub_1/change-plan")]
    public async Task Dodo_Fails_TheFailureIsLoggedOnceByTheApiClient(string method, string path, string dodoPath)
    {
        // Arrange
        var logs = new FakeLogCollector();
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Respond(HttpMethod.Post, dodoPath, 500, """{"code":"INTERNAL","message":"boom"}""");
        await using var app = await DodoTestApp.StartAsync(dodo, MapAll, services: services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));

        // Act
        using var response = method == "GET"
            ? await app.Client.GetAsync(path)
            : await app.Client.PostJsonAsync(path, path == PlanPath ? """{"product_id":"pdt_pro"}""" : CartBody);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var failure = Assert.Single(logs.GetSnapshot(), entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(100, failure.Id.Id);
        Assert.Contains("Api", failure.Category, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CheckoutHttp.SessionPath, CartBody, "DodoPayments.AspNetCore.Checkout")]
    [InlineData(PlanPath, """{"product_id":"pdt_pro"}""", "DodoPayments.AspNetCore.PlanChange")]
    public async Task Hook_Refuses_LoggedOnceWithTheSameEventUnderTheFeaturesCategory(string path, string body, string category)
    {
        // Arrange
        var logs = new FakeLogCollector();
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, MapAll, services: services =>
        {
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
            services.AddSingleton<IDodoCheckoutHook, RefusingHook>();
            services.AddSingleton<IDodoPlanChangeHook, RefusingHook>();
        });

        // Act
        using var response = await app.Client.PostJsonAsync(path, body);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var refusal = Assert.Single(logs.GetSnapshot(), entry => entry.Id.Id == 201);
        Assert.Equal(category, refusal.Category);
        Assert.Contains(nameof(RefusingHook), refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>How often one successful request read the options.</summary>
    private static async Task<int> ReadsOfAsync(DodoTestApp app, ReadCount reads, string path, string body)
    {
        reads.Count = 0;
        using var response = await app.Client.PostJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return reads.Count;
    }

    /// <summary>Wraps the package's <see cref="IOptionsMonitor{TOptions}"/> so a test can count reads of the options.</summary>
    private static void CountOptionReads(IServiceCollection services, ReadCount reads)
    {
        var package = services.Last(descriptor => descriptor.ServiceType == typeof(IOptionsMonitor<DodoPaymentsOptions>));
        services.AddSingleton<IOptionsMonitor<DodoPaymentsOptions>>(provider =>
            new CountingMonitor((IOptionsMonitor<DodoPaymentsOptions>)package.ImplementationFactory!(provider), reads));
    }

    private sealed class ValidatorCount
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class ReadCount
    {
        public int Count { get; set; }
    }

    private sealed class CountedSessionValidator : AbstractValidator<CheckoutSessionRequest>
    {
        public CountedSessionValidator(ValidatorCount count) => count.Add();
    }

    private sealed class CountedPlanChangeValidator : AbstractValidator<ChangePlanRequest>
    {
        public CountedPlanChangeValidator(ValidatorCount count) => count.Add();
    }

    private sealed class CountingMonitor(IOptionsMonitor<DodoPaymentsOptions> inner, ReadCount reads) : IOptionsMonitor<DodoPaymentsOptions>
    {
        public DodoPaymentsOptions CurrentValue
        {
            get
            {
                reads.Count++;
                return inner.CurrentValue;
            }
        }

        public DodoPaymentsOptions Get(string? name) => inner.Get(name);

        public IDisposable? OnChange(Action<DodoPaymentsOptions, string?> listener) => inner.OnChange(listener);
    }

    private sealed class RefusingHook : IDodoCheckoutHook, IDodoPlanChangeHook
    {
        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request) => Refuse();

        public ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview) => Refuse();

        private static ValueTask<ProblemDetails?> Refuse() => ValueTask.FromResult<ProblemDetails?>(new ProblemDetails { Status = StatusCodes.Status403Forbidden });
    }
}
