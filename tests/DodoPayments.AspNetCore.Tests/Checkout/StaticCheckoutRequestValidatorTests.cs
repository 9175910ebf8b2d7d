using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;
using FluentValidation.Results;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class StaticCheckoutRequestValidatorTests
{
    private readonly StaticCheckoutRequestValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoProductId_NamesProductId(string? productId)
    {
        // Arrange
        var request = new StaticCheckoutRequest { ProductId = productId };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal("productId", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" ")]
    public void Validate_UnsafeProductId_NamesProductId(string productId)
    {
        // Arrange
        var request = new StaticCheckoutRequest { ProductId = productId };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal("productId", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData("1500")]
    [InlineData("")]
    public void Validate_PaymentAmount_NotFromBrowser(string amount)
    {
        // Arrange
        var request = new StaticCheckoutRequest { ProductId = "pdt_1", PaymentAmount = amount };

        // Act
        var failures = Check(request);

        // Assert
        Assert.Equal("paymentAmount", Assert.Single(failures).PropertyName);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("1", true)]
    [InlineData("25", true)]
    [InlineData("0", false)]
    [InlineData("-3", false)]
    [InlineData("+3", false)]
    [InlineData(" 3", false)]
    [InlineData("3.0", false)]
    [InlineData("", false)]
    public void Validate_Quantity_PositiveWholeNumber(string? quantity, bool valid)
    {
        // Arrange
        var request = new StaticCheckoutRequest { ProductId = "pdt_1", Quantity = quantity };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, error => Assert.Equal("quantity", error.PropertyName));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Validate_MetadataParameters_AtMostFifty(int count, bool valid)
    {
        // Arrange
        var request = new StaticCheckoutRequest { ProductId = "pdt_1" };
        for (var i = 0; i < count; i++)
        {
            request.Metadata[$"k{i}"] = "v";
        }

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal(valid, result.IsValid);
    }

    /// <summary>Everything the endpoint refuses before its hooks run: the browser-field policy's failures and the validator's.</summary>
    private List<ValidationFailure> Check(StaticCheckoutRequest request)
    {
        var policy = CheckoutBrowserFields.Policy(new DodoPaymentsOptions());
        CheckoutBrowserFields.Static(request, policy);
        return [.. policy.Failures, .. _validator.Validate(request).Errors];
    }
}
