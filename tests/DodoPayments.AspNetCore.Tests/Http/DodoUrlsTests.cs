using DodoPayments.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.Http;

public sealed class DodoUrlsTests
{
    private const string Configured = "https://shop.example.com/thanks";

    [Theory]
    [InlineData("https://shop.example.com/orders", true)]
    [InlineData("http://shop.example.com:8080/account", true)]
    [InlineData("https://SHOP.example.com/", true)]
    [InlineData("https://app.example.com/account", false)]
    [InlineData("https://evil.example.net/", false)]
    [InlineData("https://shop.example.com.evil.example.net/", false)]
    [InlineData("https://shop.example.com@evil.example.net/", false)]
    [InlineData("/account", false)]
    [InlineData("account", false)]
    [InlineData("//shop.example.com/account", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("ftp://shop.example.com/file", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAllowedReturnUrl_NoAllowedHosts_AcceptsOnlyTheReturnUrlHost(string? returnUrl, bool allowed)
    {
        // Arrange
        var options = new DodoPaymentsOptions { ReturnUrl = Configured };

        // Act
        var result = DodoUrls.IsAllowedReturnUrl(returnUrl, options);

        // Assert
        Assert.Equal(allowed, result);
    }

    [Theory]
    [InlineData("https://app.example.com/account", true)]
    [InlineData("http://localhost:5080/account", true)]
    [InlineData("https://APP.example.com/", true)]
    [InlineData("https://shop.example.com/orders", false)]
    [InlineData("https://evil.example.net/", false)]
    public void IsAllowedReturnUrl_AllowedHostsSet_AcceptsOnlyThoseHosts(string returnUrl, bool allowed)
    {
        // Arrange: the list replaces the ReturnUrl host, it does not add to it.
        var options = new DodoPaymentsOptions { ReturnUrl = Configured, AllowedReturnHosts = ["app.example.com", "localhost"] };

        // Act
        var result = DodoUrls.IsAllowedReturnUrl(returnUrl, options);

        // Assert
        Assert.Equal(allowed, result);
    }

    [Fact]
    public void IsAllowedReturnUrl_NoReturnUrlAndNoAllowedHosts_AcceptsNothing()
    {
        // Arrange: the request's own host is not consulted (there is no way to pass it), so nothing is allowed.
        var options = new DodoPaymentsOptions();

        // Act
        var result = DodoUrls.IsAllowedReturnUrl("https://app.example.com/a", options);

        // Assert
        Assert.False(result);
    }

    [Theory]
    [InlineData("cus_1", true)]
    [InlineData("sub_standin_3f9a1c_12", true)]
    [InlineData("...", true)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void IsSafeId_DotSegmentsAndBlanks_AreRefused(string? id, bool safe)
    {
        // Act
        var result = DodoUrls.IsSafeId(id);

        // Assert
        Assert.Equal(safe, result);
    }

    [Theory]
    [InlineData(null, "product_id is required.")]
    [InlineData("", "product_id is required.")]
    [InlineData(" ", "product_id must be a non-empty id, not '.' or '..'.")]
    [InlineData(".", "product_id must be a non-empty id, not '.' or '..'.")]
    [InlineData("..", "product_id must be a non-empty id, not '.' or '..'.")]
    [InlineData("pdt_1", null)]
    public void IdProblem_RequiredId_NamesWhatIsWrong(string? id, string? expected)
    {
        // Act
        var problem = DodoUrls.IdProblem("product_id", id, "product_id is required.");

        // Assert
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("..", false)]
    public void IdProblem_OptionalId_OnlyAPresentUnsafeOneIsAProblem(string? id, bool fine)
    {
        // Act
        var problem = DodoUrls.IdProblem("product_collection_id", id, requiredMessage: null);

        // Assert
        Assert.Equal(fine, problem is null);
    }
}
