using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

public sealed class SampleAppTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Home_DevelopmentWithoutKeys_ServesTheShopPage()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Dodo Payments sample shop", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shop_DevelopmentWithoutKeys_RunsAgainstTheStandIn()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/shop"));

        Assert.Equal("stand-in", document.RootElement.GetProperty("mode").GetString());
        Assert.NotEqual(0, document.RootElement.GetProperty("products").GetArrayLength());
    }
}
