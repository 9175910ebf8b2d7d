using System.Net;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class CheckoutMappingTests
{
    [Fact]
    public async Task MapDodoCheckout_UnderGroupWithCustomPatterns_Answers()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints =>
        {
            var billing = endpoints.MapGroup("/billing");
            billing.MapDodoCheckout("/buy");
            billing.MapDodoDynamicCheckout("/buy-now");
        });

        // Act
        var @static = await app.Client.GetAsync("/billing/buy?productId=pdt_book");
        var session = await app.Client.PostJsonAsync("/billing/buy", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");
        var dynamic = await app.Client.PostJsonAsync("/billing/buy-now", """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""");
        var defaultRoute = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.OK, @static.StatusCode);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dynamic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, defaultRoute.StatusCode);
    }

    [Fact]
    public async Task MapDodoCheckout_Conventions_ApplyToEveryEndpoint()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints =>
        {
            endpoints.MapDodoCheckout().WithTags("billing").WithMetadata(new Marker());
            endpoints.MapDodoDynamicCheckout().WithMetadata(new Marker());
        });

        // Act
        var endpoints = Endpoints(app);

        // Assert
        Assert.Equal(3, endpoints.Count);
        Assert.All(endpoints, endpoint => Assert.NotNull(endpoint.Metadata.GetMetadata<Marker>()));
        Assert.Equal(2, endpoints.Count(endpoint => endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("billing") == true));
    }

    [Fact]
    public async Task MapDodoCheckout_Endpoints_CarryOpenApiMetadata()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints =>
        {
            endpoints.MapDodoCheckout();
            endpoints.MapDodoDynamicCheckout();
        });

        // Act
        var endpoints = Endpoints(app);

        // Assert
        Assert.All(endpoints, endpoint =>
        {
            var produces = endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>();
            Assert.Contains(produces, metadata => metadata.StatusCode == 200 && metadata.Type == typeof(CheckoutUrlResponse));
            Assert.Contains(produces, metadata => metadata.StatusCode == 400 && metadata.Type == typeof(HttpValidationProblemDetails));
            Assert.Contains(produces, metadata => metadata.StatusCode == 502);
            Assert.Contains(produces, metadata => metadata.StatusCode == 504);
        });
        var accepts = endpoints.Select(endpoint => endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType).ToList();
        Assert.Contains(typeof(CheckoutSessionRequest), accepts);
        Assert.Contains(typeof(DynamicCheckoutRequest), accepts);
    }

    [Fact]
    public async Task MapDodoCheckout_RequireAuthorization_Answers401ForAnonymous()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCheckout().RequireAuthorization(),
            services: services =>
            {
                services.AddAuthentication("test").AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, NoUserHandler>("test", null);
                services.AddAuthorization();
            });

        // Act
        var response = await app.Client.GetAsync("/api/checkout?productId=pdt_book");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public void MapDodoCheckout_WithoutAddDodoPayments_ThrowsNamingTheFix()
    {
        // Arrange
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        using var app = builder.Build();

        // Act
        var checkout = Assert.Throws<InvalidOperationException>(() => app.MapDodoCheckout());
        var dynamic = Assert.Throws<InvalidOperationException>(() => app.MapDodoDynamicCheckout());

        // Assert
        Assert.Contains("AddDodoPayments()", checkout.Message, StringComparison.Ordinal);
        Assert.Contains("MapDodoDynamicCheckout", dynamic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDodoCheckout_NoApiKey_RefusesToStart()
    {
        // Arrange
        var dodo = new DodoApiStandIn();

        // Act
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoDynamicCheckout(),
            settings: new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = null }));

        // Assert
        Assert.Contains("ApiKey", exception.Message, StringComparison.Ordinal);
    }

    private static List<RouteEndpoint> Endpoints(DodoTestApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private sealed class Marker;

    private sealed class NoUserHandler(
        Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions> options,
        Microsoft.Extensions.Logging.ILoggerFactory logger,
        System.Text.Encodings.Web.UrlEncoder encoder)
        : Microsoft.AspNetCore.Authentication.AuthenticationHandler<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<Microsoft.AspNetCore.Authentication.AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Microsoft.AspNetCore.Authentication.AuthenticateResult.NoResult());
    }
}
