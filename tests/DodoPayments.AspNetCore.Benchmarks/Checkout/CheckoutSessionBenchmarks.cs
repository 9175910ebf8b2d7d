using System.Text;
using BenchmarkDotNet.Attributes;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Benchmarks.Checkout;

/// <summary>
/// A checkout-session request (<c>POST /api/checkout</c>) through our endpoint, in process, against the Dodo stand-in
/// (<see cref="DodoApiStandIn"/>), next to the same upstream call made directly (an <see cref="HttpClient"/> over the
/// stand-in's handler, the same body Dodo gets). The difference is the time our endpoint adds: reading and validating
/// the body, the hooks, the typed client (request and answer JSON, the <c>IHttpClientFactory</c> pipeline) and the answer.
/// </summary>
[MemoryDiagnoser]
public class CheckoutSessionBenchmarks
{
    private const string Body = """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"ada@example.com","name":"Ada Lovelace"},"billing_address":{"country":"US"},"metadata":{"order_id":"ord_42"}}""";
    private const string UpstreamBody = """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"ada@example.com","name":"Ada Lovelace"},"billing_address":{"country":"US"},"metadata":{"order_id":"ord_42"},"return_url":"https://shop.example.com/thanks"}""";

    private readonly byte[] _body = Encoding.UTF8.GetBytes(Body);
    private DodoApiStandIn _standIn = null!;
    private HttpClient _direct = null!;
    private WebApplication _app = null!;
    private RequestDelegate _endpoint = null!;
    private int _calls;

    [GlobalSetup]
    public void Setup()
    {
        _standIn = new DodoApiStandIn { ApiKey = "sk_test_bench" }.AddOneTimeProduct("pdt_book");
        _direct = new HttpClient(_standIn.CreateHandler()) { BaseAddress = new Uri("https://test.dodopayments.com/") };
        _direct.DefaultRequestHeaders.Authorization = new("Bearer", "sk_test_bench");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["DodoPayments:ApiKey"] = "sk_test_bench";
        builder.Configuration["DodoPayments:Environment"] = "test_mode";
        builder.Configuration["DodoPayments:ReturnUrl"] = "https://shop.example.com/thanks";
        builder.Services.AddDodoPayments();
        builder.Services.AddDodoApiStandIn(_standIn);
        _app = builder.Build();
        _app.MapDodoCheckout();
        _endpoint = ((IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Single(endpoint => endpoint.RoutePattern.RawText == "/api/checkout"
                && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .RequestDelegate!;

        var status = ThroughOurEndpoint().GetAwaiter().GetResult();
        var direct = UpstreamCallDirectly().GetAwaiter().GetResult();
        if (status != StatusCodes.Status200OK || direct != 200)
        {
            throw new InvalidOperationException($"The checkout does not succeed: endpoint {status}, direct {direct}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _direct.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _standIn.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The reference: the stand-in's <c>POST /checkouts</c> called directly, answer read as a string.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> UpstreamCallDirectly()
    {
        Forget();
        using var response = await _direct.PostAsync("checkouts", new StringContent(UpstreamBody, Encoding.UTF8, "application/json"));
        _ = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode;
    }

    /// <summary>The same checkout through <c>MapDodoCheckout</c>'s POST (its request delegate, no server in between).</summary>
    [Benchmark]
    public async Task<int> ThroughOurEndpoint()
    {
        Forget();
        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/checkout";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _body.Length;
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Response.Body = Stream.Null;
        await _endpoint(context);
        return context.Response.StatusCode;
    }

    /// <summary>The stand-in records every request; forget them now and then so the list does not grow through the run.</summary>
    private void Forget()
    {
        if (++_calls % 1024 == 0)
        {
            _standIn.ClearRequests();
        }
    }
}
