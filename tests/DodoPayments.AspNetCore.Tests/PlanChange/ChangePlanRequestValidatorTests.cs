using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.PlanChange;
using DodoPayments.AspNetCore.Tests.Infrastructure;
using FluentValidation.Results;

namespace DodoPayments.AspNetCore.Tests.PlanChange;

public sealed class ChangePlanRequestValidatorTests
{
    private readonly ChangePlanRequestValidator _validator = new();

    private static ChangePlanRequest Valid() => new() { ProductId = "pdt_pro" };

    [Fact]
    public void Validate_OnlyProductId_IsValid()
    {
        // Arrange
        var request = Valid();

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_EveryFieldWithinItsRules_IsValid()
    {
        // Arrange
        var request = Valid();
        request.Quantity = 1;
        request.EffectiveAt = "next_billing_date";
        request.DiscountCodes = [.. Enumerable.Range(1, 20).Select(i => $"CODE{i}")];
        request.Addons = [new AddonCartItem { AddonId = "adn_seat", Quantity = 0 }];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_ProductIdMissing_NamesProductId(string? productId)
    {
        // Arrange
        var request = new ChangePlanRequest { ProductId = productId };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal("product_id", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_QuantityBelowOne_NamesQuantity(int quantity)
    {
        // Arrange
        var request = Valid();
        request.Quantity = quantity;

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal("quantity", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData("prorated_immediately")]
    [InlineData("do_not_bill")]
    [InlineData("prorated")]
    [InlineData("")]
    public void Validate_ProrationBillingModeFromTheBrowser_NamesIt(string mode)
    {
        // Arrange: even a valid mode is the app's to choose (a customer would pick do_not_bill).
        var request = Valid();
        request.ProrationBillingMode = mode;

        // Act
        var result = Check(request);

        // Assert
        Assert.Equal("proration_billing_mode", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData("immediately", true)]
    [InlineData("next_billing_date", true)]
    [InlineData("tomorrow", false)]
    public void Validate_EffectiveAt_AcceptsOnlyItsEnum(string effectiveAt, bool valid)
    {
        // Arrange
        var request = Valid();
        request.EffectiveAt = effectiveAt;

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, error => Assert.Equal("effective_at", error.PropertyName));
    }

    [Theory]
    [InlineData("prevent_change")]
    [InlineData("apply_change")]
    [InlineData("retry")]
    public void Validate_OnPaymentFailureFromTheBrowser_NamesIt(string onPaymentFailure)
    {
        // Arrange
        var request = Valid();
        request.OnPaymentFailure = onPaymentFailure;

        // Act
        var result = Check(request);

        // Assert
        Assert.Equal("on_payment_failure", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_MetadataFromTheBrowser_NamesIt()
    {
        // Arrange: webhook handlers trust payment metadata, so the browser does not write it.
        var request = Valid();
        request.Metadata = new() { ["user_id"] = "42" };

        // Act
        var result = Check(request);

        // Assert
        Assert.Equal("metadata", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_UnmodelledFieldsFromTheBrowser_NamesEachOne()
    {
        // Arrange
        var request = Valid();
        request.AdditionalProperties = new()
        {
            ["adaptive_currency_fees_inclusive"] = JsonSerializer.SerializeToElement(true, TestJson.Default.Boolean),
            ["brand_new_field"] = JsonSerializer.SerializeToElement("x", TestJson.Default.String),
        };

        // Act
        var result = Check(request);

        // Assert
        Assert.Equal(["adaptive_currency_fees_inclusive", "brand_new_field"], result.Errors.Select(error => error.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_TwentyOneDiscountCodes_NamesDiscountCodes()
    {
        // Arrange
        var request = Valid();
        request.DiscountCodes = [.. Enumerable.Range(1, 21).Select(i => $"CODE{i}")];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal("discount_codes", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_EmptyDiscountCodes_IsValidAndRemovesAllDiscounts()
    {
        // Arrange
        var request = Valid();
        request.DiscountCodes = [];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_BlankDiscountCode_NamesDiscountCodes()
    {
        // Arrange
        var request = Valid();
        request.DiscountCodes = ["LAUNCH", ""];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.StartsWith("discount_codes", Assert.Single(result.Errors).PropertyName, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AddonQuantityNegative_NamesTheAddonsQuantity()
    {
        // Arrange
        var request = Valid();
        request.Addons = [new AddonCartItem { AddonId = "adn_a", Quantity = 1 }, new AddonCartItem { AddonId = "adn_b", Quantity = -1 }];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal("addons[1].quantity", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Validate_AddonWithoutIdOrQuantity_NamesBoth()
    {
        // Arrange
        var request = Valid();
        request.Addons = [new AddonCartItem()];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal(["addons[0].addon_id", "addons[0].quantity"], result.Errors.Select(error => error.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_EmptyAddons_IsValidAndRemovesExistingAddons()
    {
        // Arrange
        var request = Valid();
        request.Addons = [];

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    /// <summary>Everything the endpoint refuses before its hooks run: the browser-field policy's failures and the validator's.</summary>
    private ValidationResult Check(ChangePlanRequest request)
    {
        var policy = PlanChangeEndpoint.BrowserPolicy(new DodoPaymentsOptions());
        PlanChangeEndpoint.CheckBrowserFields(request, policy);
        return new ValidationResult([.. policy.Failures, .. _validator.Validate(request).Errors]);
    }
}
