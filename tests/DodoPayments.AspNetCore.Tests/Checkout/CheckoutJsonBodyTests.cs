using DodoPayments.AspNetCore.Checkout.Internal;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class CheckoutJsonBodyTests
{
    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("$", "body")]
    [InlineData("$.product_cart[0].quantity", "product_cart[0].quantity")]
    [InlineData("$.metadata", "metadata")]
    [InlineData("$['odd key']", "['odd key']")]
    public void WireName_JsonPath_BecomesWireName(string? path, string expected)
    {
        // Arrange / Act
        var name = CheckoutJsonBody.WireName(path);

        // Assert
        Assert.Equal(expected, name);
    }
}
