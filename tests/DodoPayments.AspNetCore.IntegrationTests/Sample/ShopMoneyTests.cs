using DodoPayments.AspNetCore.Sample.Shop;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>
/// The shop's money formatting on the server. The browser test holds <c>money()</c> in shop.js to the same examples, so
/// the server's texts and the pages agree.
/// </summary>
public sealed class ShopMoneyTests
{
    [Theory]
    [InlineData(354, "USD", "$3.54")]
    [InlineData(3500, "USD", "$35.00")]
    [InlineData(123456, "USD", "$1,234.56")]
    [InlineData(-354, "USD", "-$3.54")]
    [InlineData(0, "usd", "$0.00")]
    [InlineData(354, "EUR", "€3.54")]
    [InlineData(500, "JPY", "¥500")]
    [InlineData(1234, "KWD", "KWD\u00A01.234")]
    [InlineData(2900, null, "$29.00")]
    public void Format_AmountInTheSmallestUnit_ReadsAsMoneyOfItsCurrency(long amount, string? currency, string expected)
    {
        // Act
        var text = ShopMoney.Format(amount, currency);

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    public void MinorUnitDigits_Currency_IsItsIso4217Exponent(string currency, int expected)
    {
        // Act
        var digits = ShopMoney.MinorUnitDigits(currency);

        // Assert
        Assert.Equal(expected, digits);
    }
}
