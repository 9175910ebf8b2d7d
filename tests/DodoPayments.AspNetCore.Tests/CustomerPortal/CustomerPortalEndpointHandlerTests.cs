using DodoPayments.AspNetCore.CustomerPortal;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.CustomerPortal;

public sealed class CustomerPortalEndpointHandlerTests
{
    private const string Configured = "https://shop.example.com/thanks";

    [Theory]
    [InlineData("https://app.example.com/account", true)]
    [InlineData("http://app.example.com:8080/account", true)]
    [InlineData("https://APP.example.com/", true)]
    [InlineData("https://shop.example.com/orders", true)]
    [InlineData("https://evil.example.net/", false)]
    [InlineData("https://app.example.com.evil.example.net/", false)]
    [InlineData("https://app.example.com@evil.example.net/", false)]
    [InlineData("/account", false)]
    [InlineData("account", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("", false)]
    public void IsAllowedReturnUrl_HostOfRequestOrReturnUrlOnly_Accepted(string returnUrl, bool allowed)
    {
        // Arrange
        var requestHost = new HostString("app.example.com", 443);

        // Act
        var result = CustomerPortalEndpointHandler.IsAllowedReturnUrl(returnUrl, requestHost, Configured);

        // Assert
        Assert.Equal(allowed, result);
    }

    [Fact]
    public void IsAllowedReturnUrl_NoConfiguredReturnUrl_AcceptsOnlyTheRequestHost()
    {
        // Arrange
        var requestHost = new HostString("app.example.com");

        // Act
        var own = CustomerPortalEndpointHandler.IsAllowedReturnUrl("https://app.example.com/a", requestHost, configuredReturnUrl: null);
        var other = CustomerPortalEndpointHandler.IsAllowedReturnUrl("https://shop.example.com/a", requestHost, configuredReturnUrl: null);

        // Assert
        Assert.True(own);
        Assert.False(other);
    }
}
