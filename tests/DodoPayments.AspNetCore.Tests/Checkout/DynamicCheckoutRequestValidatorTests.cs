using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class DynamicCheckoutRequestValidatorTests
{
    private readonly DynamicCheckoutRequestValidator _validator = new();

    [Fact]
    public void Validate_ProductIdOnly_IsValid()
    {
        // Arrange
        var request = new DynamicCheckoutRequest { ProductId = "pdt_1" };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_CartOnly_IsValid()
    {
        // Arrange
        var request = new DynamicCheckoutRequest { ProductCart = [new ProductCartItem { ProductId = "pdt_1", Quantity = 2 }] };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_NoProductNoCart_NamesProductId()
    {
        // Arrange
        var request = new DynamicCheckoutRequest { Quantity = 1 };

        // Act / Assert
        Assert.Equal(["product_id"], Keys(request));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_QuantityNotPositive_NamesQuantity(int quantity)
    {
        // Arrange
        var request = new DynamicCheckoutRequest { ProductId = "pdt_1", Quantity = quantity };

        // Act / Assert
        Assert.Equal(["quantity"], Keys(request));
    }

    [Fact]
    public void Validate_EveryRule_NamesEachWireField()
    {
        // Arrange
        var request = new DynamicCheckoutRequest
        {
            ProductCart = [new ProductCartItem { ProductId = "pdt_1", Quantity = 0 }],
            Billing = new BillingAddress { Country = "ZZ" },
            Customer = new CustomerRequest { CustomerId = "cus_1", Email = "nope" },
            Addons = [new AddonCartItem { AddonId = "add_1", Quantity = -1 }],
            TrialPeriodDays = -1,
            BillingCurrency = "XYZ",
            ReturnUrl = "relative/path",
            DiscountCode = "A",
            DiscountCodes = ["B"],
            Metadata = new Dictionary<string, JsonElement> { ["nested"] = JsonDocument.Parse("{}").RootElement },
            PaymentMethodId = "pm_1",
            ShowSavedPaymentMethods = true,
        };

        // Act
        var keys = Keys(request);

        // Assert
        Assert.Equal(
            new[]
            {
                "addons[0].quantity", "billing.country", "billing_currency", "customer.customer_id", "customer.email", "discount_codes",
                "metadata", "payment_method_id", "product_cart[0].quantity", "return_url", "show_saved_payment_methods", "trial_period_days",
            },
            keys.Order(StringComparer.Ordinal));
    }

    private string[] Keys(DynamicCheckoutRequest request) =>
        [.. _validator.Validate(request).Errors.Select(error => error.PropertyName).Distinct()];
}
