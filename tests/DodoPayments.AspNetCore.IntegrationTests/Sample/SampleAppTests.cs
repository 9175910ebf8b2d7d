using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

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

    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/account")]
    public async Task Page_Served_DeclaresTheShopsIcon(string path)
    {
        // Arrange
        using var client = factory.CreateClient();

        // Act
        var html = await client.GetStringAsync(path);

        // Assert: a declared icon, so the browser does not ask for /favicon.ico (a 404 in its console)
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Favicon_SignedOut_IsServedAsAStaticFile()
    {
        // Arrange: no sign-in; static files are served before authentication
        using var client = factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/favicon.svg");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sample_FirstRun_CreatesItsDatabaseAndTheAppDataFolder()
    {
        // Arrange: the factory's folder has no App_Data yet; the app made it, and the database, when it started
        using var client = factory.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/shop");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(factory.DatabasePath), $"No database at {factory.DatabasePath}.");
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

    [Theory]
    [InlineData("http://localhost/account", HttpStatusCode.Found)]
    [InlineData("http://localhost:5080/account", HttpStatusCode.Found)]
    [InlineData("http://127.0.0.1:5123/account", HttpStatusCode.Found)]
    [InlineData("https://evil.example.net/account", HttpStatusCode.BadRequest)]
    public async Task ManageBilling_ReturnUrlOfTheAccountPage_IsAcceptedOnlyOnTheDevelopmentHosts(string returnUrl, HttpStatusCode expected)
    {
        // Arrange: the demo user is a Dodo customer (as after a first purchase); the page builds return_url from location.origin.
        factory.StandIn.AddCustomer("cus_portal_test");
        await factory.WithDbAsync(async db =>
        {
            await db.LinkCustomerAsync("user_demo", "cus_portal_test", CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signIn = await client.PostAsync("/api/account/sign-in", content: null))
        {
            signIn.EnsureSuccessStatusCode();
        }

        // Act
        using var response = await client.GetAsync($"/api/customer-portal?return_url={Uri.EscapeDataString(returnUrl)}");

        // Assert
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Found)
        {
            Assert.StartsWith(factory.StandIn.BaseAddress!.AbsoluteUri + "portal/cus_portal_test", response.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        }
    }
}
