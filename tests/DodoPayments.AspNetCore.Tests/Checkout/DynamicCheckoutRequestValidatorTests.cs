using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class DynamicCheckoutRequestValidatorTests
{
    private readonly DodoPaymentsOptions _options = new() { ReturnUrl = "https://shop.example.com/thanks" };
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

    [Theory]
    [InlineData(".", null)]
    [InlineData("..", null)]
    [InlineData(" ", null)]
    [InlineData(" ", "pdt_1")]
    [InlineData("..", "pdt_1")]
    public void Validate_UnsafeProductId_NamesProductId(string productId, string? cartProductId)
    {
        // Arrange
        var request = new DynamicCheckoutRequest
        {
            ProductId = productId,
            ProductCart = cartProductId is null ? null : [new ProductCartItem { ProductId = cartProductId, Quantity = 1 }],
        };

        // Act / Assert
        Assert.Equal(["product_id"], Keys(request));
    }

    [Fact]
    public void Validate_EmptyProductIdNextToCart_CartDecides()
    {
        // Arrange
        var request = new DynamicCheckoutRequest { ProductId = string.Empty, ProductCart = [new ProductCartItem { ProductId = "pdt_1", Quantity = 1 }] };

        // Act / Assert
        Assert.Empty(Keys(request));
    }

    [Fact]
    public void Validate_UnmodelledFields_EachNamedByPath()
    {
        // Arrange
        var request = new DynamicCheckoutRequest
        {
            ProductCart = [new ProductCartItem { ProductId = "pdt_1", Quantity = 1, AdditionalProperties = new() { ["credit_entitlements"] = Json("[]") } }],
            Customer = new Customer { Email = "ada@example.com", AdditionalProperties = new() { ["tier"] = Json("1") } },
            AdditionalProperties = new() { ["new_field"] = Json("1"), ["cancel_url"] = Json("\"https://shop.example.com/cart\"") },
        };

        // Act / Assert
        Assert.Equal(["cancel_url", "customer.tier", "new_field", "product_cart[0].credit_entitlements"], Keys(request).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"https://shop.example.com/cart\"", true)]
    [InlineData("null", true)]
    [InlineData("\"https://evil.example.net/\"", false)]
    [InlineData("{\"href\":\"https://shop.example.com/cart\"}", false)]
    public void Validate_ForwardedCancelUrl_MustBeOnAllowedHost(string json, bool valid)
    {
        // Arrange
        _options.Checkout.ForwardUnknownFields = true;
        var request = new DynamicCheckoutRequest { ProductId = "pdt_1", AdditionalProperties = new() { ["cancel_url"] = Json(json), ["new_field"] = Json("1") } };

        // Act / Assert
        Assert.Equal(valid ? [] : ["cancel_url"], Keys(request));
    }

    [Fact]
    public void Validate_EveryRule_NamesEachWireField()
    {
        // Arrange
        var request = new DynamicCheckoutRequest
        {
            ProductCart = [new ProductCartItem { ProductId = "pdt_1", Quantity = 0, Amount = 1 }],
            Billing = new BillingAddress { Country = "ZZ" },
            Customer = new Customer { CustomerId = "cus_1", Email = "nope" },
            Addons = [new AddonCartItem { AddonId = "add_1", Quantity = -1 }],
            TrialPeriodDays = 7,
            OnDemand = new JsonObject { ["mandate_only"] = true },
            BillingCurrency = "XYZ",
            ReturnUrl = "relative/path",
            DiscountCode = "A",
            DiscountCodes = ["B"],
            Metadata = JsonSerializer.Deserialize("""{"nested":{}}""", DodoCheckoutJsonContext.Default.DodoMetadata),
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
                "metadata", "on_demand", "payment_method_id", "product_cart[0].amount", "product_cart[0].quantity", "return_url", "show_saved_payment_methods",
                "trial_period_days",
            },
            keys.Order(StringComparer.Ordinal));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>The keys of everything the endpoint refuses before its hooks run: the browser-field policy's failures and the validator's.</summary>
    private string[] Keys(DynamicCheckoutRequest request)
    {
        var policy = CheckoutBrowserFields.Policy(_options);
        CheckoutBrowserFields.Dynamic(request, policy);
        return [.. policy.Failures.Concat(_validator.Validate(request).Errors).Select(error => error.PropertyName).Distinct()];
    }
}
