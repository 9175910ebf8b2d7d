using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>The account page's "Manage billing" link, as the page builds it, against the sample's Development settings.</summary>
public sealed class SamplePortalTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    [Theory]
    [InlineData("http://localhost/account", HttpStatusCode.Found)]
    [InlineData("http://localhost:5080/account", HttpStatusCode.Found)]
    [InlineData("http://127.0.0.1:5123/account", HttpStatusCode.Found)]
    [InlineData("https://evil.example.net/account", HttpStatusCode.BadRequest)]
    public async Task ManageBilling_ReturnUrlOfTheAccountPage_IsAcceptedOnlyOnTheDevelopmentHosts(string returnUrl, HttpStatusCode expected)
    {
        // Arrange: the demo user is a Dodo customer (as after a first purchase).
        factory.StandIn.AddCustomer("cus_portal_test");
        factory.Store.LinkCustomer("user_demo", "cus_portal_test");
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
