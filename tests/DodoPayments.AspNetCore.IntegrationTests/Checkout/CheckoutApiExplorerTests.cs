using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

public sealed class CheckoutApiExplorerTests
{
    [Fact]
    public async Task ApiExplorer_CheckoutEndpoints_DescribedWithRequestAndResponseTypes()
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints =>
            {
                endpoints.MapDodoCheckout();
                endpoints.MapDodoDynamicCheckout();
            },
            services: services => services.AddEndpointsApiExplorer());

        // Act
        var descriptions = app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .ToList();

        // Assert
        Assert.Equal(["GET api/checkout", "POST api/checkout", "POST api/checkout/dynamic"], descriptions.Select(d => $"{d.HttpMethod} {d.RelativePath}").Order(StringComparer.Ordinal));
        Assert.All(descriptions, d => Assert.Contains(d.SupportedResponseTypes, r => r.StatusCode == 200 && r.Type == typeof(CheckoutUrlResponse)));
        Assert.All(descriptions, d => Assert.Equal([200, 400, 502, 504], d.SupportedResponseTypes.Select(r => r.StatusCode).Order()));
        Assert.Equal(
            [null, typeof(CheckoutSessionRequest), typeof(DynamicCheckoutRequest)],
            descriptions.OrderBy(d => $"{d.HttpMethod} {d.RelativePath}", StringComparer.Ordinal)
                .Select(d => d.ParameterDescriptions.SingleOrDefault(p => p.Source == BindingSource.Body)?.Type));
        Assert.All(descriptions.Where(d => d.HttpMethod == "POST"), d => Assert.Equal("application/json", d.SupportedRequestFormats[0].MediaType));
    }
}
