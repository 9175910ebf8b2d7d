using System.Net;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class ProductCacheConcurrencyTests
{
    private const int Requests = 64;

    [Fact]
    public async Task StaticCheckout_ManyConcurrentRequestsForOneProduct_LookUpTheProductOnce()
    {
        // Arrange: every request waits in the hook until all have arrived, then all go for the product at once,
        // while the stand-in is slow to answer the lookup, so they overlap it.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_popular").Delay(HttpMethod.Get, "/products", TimeSpan.FromMilliseconds(200));
        var gate = new ArrivalGate(Requests);
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout(), services: services => services.AddSingleton<IDodoCheckoutHook>(gate));

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => app.Client.GetAsync("/api/checkout?productId=pdt_popular")));

        // Assert
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Single(dodo.Requests, request => request.Path.StartsWith("/products/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DynamicCheckout_ManyConcurrentRequestsForOneProduct_LookUpTheProductOnce()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_popular").Delay(HttpMethod.Get, "/products", TimeSpan.FromMilliseconds(200));
        var gate = new ArrivalGate(Requests);
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoDynamicCheckout(), services: services => services.AddSingleton<IDodoCheckoutHook>(gate));
        const string Body = """{"product_id":"pdt_popular","quantity":1,"billing":{"country":"US"},"customer":{"email":"ada@example.com","name":"Ada"}}""";

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ =>
            app.Client.PostAsync("/api/checkout/dynamic", new StringContent(Body, System.Text.Encoding.UTF8, "application/json"))));

        // Assert
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Single(dodo.Requests, request => request.Path.StartsWith("/products/", StringComparison.Ordinal));
    }

    /// <summary>Holds every checkout in the hook until <c>count</c> of them have arrived, then lets them all go.</summary>
    private sealed class ArrivalGate(int count) : IDodoCheckoutHook
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request) => WaitAsync();

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request) => WaitAsync();

        private async ValueTask<ProblemDetails?> WaitAsync()
        {
            if (Interlocked.Increment(ref _arrived) == count)
            {
                _allArrived.SetResult();
            }

            await _allArrived.Task;
            return null;
        }
    }
}
