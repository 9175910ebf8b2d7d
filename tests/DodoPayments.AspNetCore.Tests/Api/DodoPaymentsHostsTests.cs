using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Tests.Api;

public sealed class DodoPaymentsHostsTests
{
    [Theory]
    [InlineData(DodoPaymentsEnvironment.TestMode, "https://test.dodopayments.com/")]
    [InlineData(DodoPaymentsEnvironment.LiveMode, "https://live.dodopayments.com/")]
    public void ApiBase_Environment_PicksItsHost(DodoPaymentsEnvironment environment, string expected)
    {
        Assert.Equal(expected, DodoPaymentsHosts.ApiBase(new DodoPaymentsOptions { Environment = environment }).ToString());
    }

    [Fact]
    public void ApiBase_Default_IsLive()
    {
        Assert.Equal("https://live.dodopayments.com/", DodoPaymentsHosts.ApiBase(new DodoPaymentsOptions()).ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000", "http://127.0.0.1:9000/")]
    [InlineData("https://proxy.example.com/dodo", "https://proxy.example.com/dodo/")]
    [InlineData("https://proxy.example.com/dodo/", "https://proxy.example.com/dodo/")]
    public void ApiBase_Override_WinsOverTheEnvironmentAndEndsWithSlash(string configured, string expected)
    {
        var options = new DodoPaymentsOptions { Environment = DodoPaymentsEnvironment.TestMode, ApiBaseUrl = configured };

        Assert.Equal(expected, DodoPaymentsHosts.ApiBase(options).ToString());
    }

    [Theory]
    [InlineData(DodoPaymentsEnvironment.TestMode, "https://test.checkout.dodopayments.com/")]
    [InlineData(DodoPaymentsEnvironment.LiveMode, "https://checkout.dodopayments.com/")]
    public void CheckoutBase_Environment_PicksItsHost(DodoPaymentsEnvironment environment, string expected)
    {
        Assert.Equal(expected, DodoPaymentsHosts.CheckoutBase(new DodoPaymentsOptions { Environment = environment }).ToString());
    }

    [Fact]
    public void CheckoutBase_Override_WinsOverTheEnvironment()
    {
        var options = new DodoPaymentsOptions { CheckoutBaseUrl = "https://pay.example.com" };

        Assert.Equal("https://pay.example.com/", DodoPaymentsHosts.CheckoutBase(options).ToString());
    }
}
