using DodoPayments.AspNetCore.Checkout.Internal;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class IsoCodesTests
{
    [Fact]
    public void Countries_AllOfficiallyAssignedAlpha2_Has249UpperCaseCodes()
    {
        // Arrange / Act
        var countries = IsoCodes.Countries;

        // Assert
        Assert.Equal(249, countries.Count);
        Assert.All(countries, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Contains("IN", (IReadOnlySet<string>)countries);
        Assert.DoesNotContain("UK", (IReadOnlySet<string>)countries);
    }

    [Fact]
    public void Currencies_Iso4217_HoldsCommonCodesOnly()
    {
        // Arrange / Act
        var currencies = IsoCodes.Currencies;

        // Assert
        Assert.All(currencies, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.Superset(new HashSet<string>(["USD", "EUR", "INR", "GBP", "JPY", "BRL", "AUD"]), currencies.ToHashSet());
        Assert.DoesNotContain("RMB", (IReadOnlySet<string>)currencies);
    }
}
