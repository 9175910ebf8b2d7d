using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class StaticCheckoutQueryTests
{
    private static readonly Uri TestHost = new("https://test.checkout.dodopayments.com/");

    [Fact]
    public void ComposeUrl_OnlyProductId_DefaultsQuantityToOne()
    {
        // Arrange
        var request = Read("?productId=pdt_1");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.Equal("https://test.checkout.dodopayments.com/buy/pdt_1?quantity=1", url);
    }

    [Fact]
    public void ComposeUrl_ReturnUrl_AddsEscapedRedirectUrl()
    {
        // Arrange
        var request = Read("?productId=pdt_1&quantity=2");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, "https://shop.example.com/thanks?from=dodo");

        // Assert
        Assert.Equal("https://test.checkout.dodopayments.com/buy/pdt_1?quantity=2&redirect_url=https%3A%2F%2Fshop.example.com%2Fthanks%3Ffrom%3Ddodo", url);
    }

    [Fact]
    public void ComposeUrl_CustomerFields_KeptInAdaptorOrderAndEmptyOnesDropped()
    {
        // Arrange
        var request = Read("?zipCode=N1&productId=pdt_1&state=&city=London&addressLine=1%20Main%20St&country=GB&email=ada%40example.com&lastName=Lovelace&firstName=Ada&fullName=Ada%20Lovelace");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.Equal(
            "https://test.checkout.dodopayments.com/buy/pdt_1?quantity=1&fullName=Ada%20Lovelace&firstName=Ada&lastName=Lovelace"
            + "&email=ada%40example.com&country=GB&addressLine=1%20Main%20St&city=London&zipCode=N1",
            url);
    }

    [Theory]
    [InlineData("disableFullName")]
    [InlineData("disableFirstName")]
    [InlineData("disableLastName")]
    [InlineData("disableEmail")]
    [InlineData("disableCountry")]
    [InlineData("disableAddressLine")]
    [InlineData("disableCity")]
    [InlineData("disableState")]
    [InlineData("disableZipCode")]
    public void ComposeUrl_DisableFlagExactlyTrue_Kept(string flag)
    {
        // Arrange
        var request = Read($"?productId=pdt_1&{flag}=true");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.EndsWith($"?quantity=1&{flag}=true", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("yes")]
    public void ComposeUrl_DisableFlagNotExactlyTrue_Omitted(string value)
    {
        // Arrange
        var request = Read($"?productId=pdt_1&disableCountry={value}&disableEmail={value}");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.Equal("https://test.checkout.dodopayments.com/buy/pdt_1?quantity=1", url);
    }

    [Fact]
    public void ComposeUrl_PassThroughFields_KeptVerbatim()
    {
        // Arrange
        var request = Read("?productId=pdt_1&showDiscounts=false&paymentAmount=1500&showCurrencySelector=no&paymentCurrency=eur");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.EndsWith("?quantity=1&paymentCurrency=eur&showCurrencySelector=no&paymentAmount=1500&showDiscounts=false", url, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeUrl_MetadataParameters_KeptInOrderWhenNotEmpty()
    {
        // Arrange
        var request = Read("?productId=pdt_1&metadata_x=1&metadata_=lost&metadata_empty=&metadata_user=ada%40example.com&metadata_note=a%20b%2Bc");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.EndsWith("?quantity=1&metadata_x=1&metadata_user=ada%40example.com&metadata_note=a%20b%2Bc", url, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeUrl_UnknownParameters_Dropped()
    {
        // Arrange
        var request = Read("?productId=pdt_1&foo=bar&redirect_url=https%3A%2F%2Fevil.example.com&customer_id=cus_1&Metadata_x=1");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, "https://shop.example.com/thanks");

        // Assert
        Assert.Equal("https://test.checkout.dodopayments.com/buy/pdt_1?quantity=1&redirect_url=https%3A%2F%2Fshop.example.com%2Fthanks", url);
    }

    [Fact]
    public void ComposeUrl_ProductIdWithReservedCharacters_EscapedInPath()
    {
        // Arrange
        var request = new StaticCheckoutRequest { ProductId = "pdt/../x?y" };

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(TestHost, request, returnUrl: null);

        // Assert
        Assert.Equal("https://test.checkout.dodopayments.com/buy/pdt%2F..%2Fx%3Fy?quantity=1", url);
    }

    [Fact]
    public void ComposeUrl_CheckoutBaseWithPath_KeepsPath()
    {
        // Arrange
        var request = Read("?productId=pdt_1");

        // Act
        var url = StaticCheckoutQuery.ComposeUrl(new Uri("https://pay.example.com/dodo/"), request, returnUrl: null);

        // Assert
        Assert.Equal("https://pay.example.com/dodo/buy/pdt_1?quantity=1", url);
    }

    [Fact]
    public void Read_RepeatedParameter_UsesFirstValue()
    {
        // Arrange
        var query = "?productId=pdt_1&productId=pdt_2&email=a%40example.com&email=b%40example.com";

        // Act
        var request = Read(query);

        // Assert
        Assert.Equal("pdt_1", request.ProductId);
        Assert.Equal("a@example.com", request.Email);
    }

    private static StaticCheckoutRequest Read(string queryString) =>
        StaticCheckoutQuery.Read(new QueryCollection(QueryHelpers.ParseQuery(queryString)));
}
