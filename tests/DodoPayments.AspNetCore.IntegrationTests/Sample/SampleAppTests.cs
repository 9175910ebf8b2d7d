using System.Net;
using System.Text.Json;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

public sealed class SampleAppTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    [Theory]
    [InlineData("/", "Plans")]
    [InlineData("/orders", "Your orders")]
    [InlineData("/account", "Change plan")]
    public async Task Page_DevelopmentWithoutKeys_IsServed(string path, string expectedText)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dodo Payments sample shop", html, StringComparison.Ordinal);
        Assert.Contains(expectedText, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shop_DevelopmentWithoutKeys_RunsAgainstTheStandInAndSellsTheCollection()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/shop"));

        Assert.Equal("stand-in", document.RootElement.GetProperty("mode").GetString());
        Assert.Equal("pdc_plans", document.RootElement.GetProperty("collectionId").GetString());
        var products = document.RootElement.GetProperty("products").EnumerateArray().ToList();
        Assert.Equal(6, products.Count(p => p.GetProperty("interval").ValueKind == JsonValueKind.String));
        Assert.Single(products, p => p.GetProperty("interval").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Account_SignedOut_SaysSo()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/account"));

        Assert.False(document.RootElement.GetProperty("signedIn").GetBoolean());
    }

    [Fact]
    public async Task Orders_SignedOut_Answers401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/customer-portal")]
    [InlineData("POST", "/api/subscription/plan/preview")]
    [InlineData("POST", "/api/subscription/plan")]
    public async Task BillingEndpoint_SignedOut_Answers401(string method, string path)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? new StringContent("""{"product_id":"pdt_enterprise_monthly"}""", System.Text.Encoding.UTF8, "application/json") : null,
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PlanChange_SignedInWithoutSubscription_Answers401WithoutCallingDodo()
    {
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync("/api/subscription/plan/preview", new StringContent("""{"product_id":"pdt_enterprise_monthly"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(factory.StandIn.Requests, request => request.Path.Contains("change-plan", StringComparison.Ordinal));
    }
}
