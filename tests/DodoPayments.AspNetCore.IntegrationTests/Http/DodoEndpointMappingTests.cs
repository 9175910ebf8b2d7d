using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Http;

/// <summary>Every <c>MapDodo*</c> has the same shape: a default pattern, one group, routes described without a trailing slash.</summary>
public sealed class DodoEndpointMappingTests
{
    [Fact]
    public async Task MapDodo_ResolverOverloadsWithoutPattern_ServeAtTheDefaultPatterns()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddCustomer("cus_1").AddSubscriptionProduct("pdt_pro").AddSubscription("sub_1", "pdt_pro");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints =>
        {
            endpoints.MapDodoCustomerPortal(_ => ValueTask.FromResult<string?>("cus_1"));
            endpoints.MapDodoPlanChange(_ => ValueTask.FromResult<string?>("sub_1"));
        });

        // Act
        var portal = await app.Client.GetAsync(DodoCustomerPortalEndpointRouteBuilderExtensions.DefaultPattern);
        var preview = await app.Client.PostAsync(DodoPlanChangeEndpointRouteBuilderExtensions.DefaultPattern + "/preview", PlanChangeBody());

        // Assert
        Assert.Equal(HttpStatusCode.Found, portal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }

    [Fact]
    public async Task ApiExplorer_EveryEndpoint_DescribedAtItsPatternWithoutATrailingSlash()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints =>
            {
                endpoints.MapDodoCheckout();
                endpoints.MapDodoDynamicCheckout();
                endpoints.MapDodoCustomerPortal();
                endpoints.MapDodoPlanChange(_ => ValueTask.FromResult<string?>("sub_1"));
            },
            services: services => services.AddEndpointsApiExplorer());

        // Act
        var routes = app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Select(description => $"{description.HttpMethod} {description.RelativePath}")
            .Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(
            [
                "GET api/checkout", "GET api/customer-portal", "POST api/checkout", "POST api/checkout/dynamic",
                "POST api/subscription/plan", "POST api/subscription/plan/preview",
            ],
            routes);
    }

    private static StringContent PlanChangeBody() => new("""{"product_id":"pdt_pro"}""", System.Text.Encoding.UTF8, "application/json");
}
