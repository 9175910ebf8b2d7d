using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class CheckoutSessionRequestValidatorTests
{
    private readonly DodoPaymentsOptions _options = new() { ReturnUrl = "https://shop.example.com/thanks" };
    private readonly CheckoutSessionRequestValidator _validator = new();

    [Fact]
    public void Validate_MinimalCart_IsValid()
    {
        // Arrange
        var request = Valid();

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validate_ProductCollectionWithoutCart_IsValid()
    {
        // Arrange
        var request = new CheckoutSessionRequest { ProductCollectionId = "pdc_1" };

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_NoCartNoCollection_NamesProductCart()
    {
        // Arrange
        var request = new CheckoutSessionRequest { ProductCart = [] };

        // Act / Assert
        Assert.Equal(["product_cart"], Keys(request));
    }

    [Theory]
    [InlineData(null, 1, "product_cart[0].product_id")]
    [InlineData("", 1, "product_cart[0].product_id")]
    [InlineData(" ", 1, "product_cart[0].product_id")]
    [InlineData(".", 1, "product_cart[0].product_id")]
    [InlineData("..", 1, "product_cart[0].product_id")]
    [InlineData("pdt_1", 0, "product_cart[0].quantity")]
    [InlineData("pdt_1", -2, "product_cart[0].quantity")]
    [InlineData("pdt_1", null, "product_cart[0].quantity")]
    public void Validate_BadCartLine_NamesFieldWithIndex(string? productId, int? quantity, string key)
    {
        // Arrange
        var request = Valid();
        request.ProductCart!.Insert(0, new ProductCartItem { ProductId = productId, Quantity = quantity });

        // Act / Assert
        Assert.Equal([key], Keys(request));
    }

    [Fact]
    public void Validate_AmountAndBadAddons_NamesNestedFields()
    {
        // Arrange
        var request = Valid();
        request.ProductCart!.Add(new ProductCartItem
        {
            ProductId = "pdt_2",
            Quantity = 1,
            Amount = -1,
            Addons = [new AddonCartItem { AddonId = "add_1", Quantity = 0 }, new AddonCartItem { AddonId = "add_2", Quantity = -1 }, new AddonCartItem { Quantity = 1 }],
        });

        // Act / Assert
        Assert.Equal(["product_cart[1].amount", "product_cart[1].addons[1].quantity", "product_cart[1].addons[2].addon_id"], Keys(request));
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("GB", true)]
    [InlineData("us", false)]
    [InlineData("USA", false)]
    [InlineData("XX", false)]
    [InlineData("", false)]
    public void Validate_BillingCountry_MustBeIsoAlpha2(string country, bool valid)
    {
        // Arrange
        var request = Valid();
        request.BillingAddress = new BillingAddress { Country = country };

        // Act / Assert
        Assert.Equal(valid ? [] : ["billing_address.country"], Keys(request));
    }

    [Fact]
    public void Validate_BillingAddressWithoutCountry_NamesCountry()
    {
        // Arrange
        var request = Valid();
        request.BillingAddress = new BillingAddress { City = "London" };

        // Act / Assert
        Assert.Equal(["billing_address.country"], Keys(request));
    }

    [Theory]
    [InlineData("USD", true)]
    [InlineData("INR", true)]
    [InlineData("usd", false)]
    [InlineData("DOLLARS", false)]
    [InlineData("ABC", false)]
    public void Validate_BillingCurrency_MustBeIso4217(string currency, bool valid)
    {
        // Arrange
        var request = Valid();
        request.BillingCurrency = currency;

        // Act / Assert
        Assert.Equal(valid ? [] : ["billing_currency"], Keys(request));
    }

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("not-an-email", false)]
    public void Validate_CustomerEmail_MustBeEmail(string email, bool valid)
    {
        // Arrange
        var request = Valid();
        request.Customer = new Customer { Email = email };

        // Act / Assert
        Assert.Equal(valid ? [] : ["customer.email"], Keys(request));
    }

    [Theory]
    [InlineData("https://shop.example.com/thanks", true)]
    [InlineData("http://shop.example.com/other?x=1", true)]
    [InlineData("https://SHOP.EXAMPLE.COM/thanks", true)]
    [InlineData("http://localhost:5000/thanks", false)]
    [InlineData("https://evil.example.net/thanks", false)]
    [InlineData("https://shop.example.com.evil.example.net/", false)]
    [InlineData("/thanks", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://shop.example.com", false)]
    [InlineData("", false)]
    public void Validate_ReturnAndCancelUrl_MustBeOnReturnUrlHost(string url, bool valid)
    {
        // Arrange
        var request = Valid();
        request.ReturnUrl = url;
        request.CancelUrl = url;

        // Act / Assert
        Assert.Equal(valid ? [] : ["return_url", "cancel_url"], Keys(request));
    }

    [Theory]
    [InlineData("http://localhost:5000/thanks", true)]
    [InlineData("https://pay.example.org/done", true)]
    [InlineData("https://shop.example.com/thanks", false)]
    public void Validate_ReturnUrlWithAllowedReturnHosts_OnlyThoseHosts(string url, bool valid)
    {
        // Arrange
        _options.AllowedReturnHosts = ["localhost", "pay.example.org"];
        var request = Valid();
        request.ReturnUrl = url;

        // Act / Assert
        Assert.Equal(valid ? [] : ["return_url"], Keys(request));
    }

    [Fact]
    public void Validate_ReturnUrlWithNothingConfigured_Refused()
    {
        // Arrange: no ReturnUrl and no AllowedReturnHosts: no host is the shop's, so none is allowed.
        _options.ReturnUrl = null;
        var request = Valid();
        request.ReturnUrl = "https://shop.example.com/thanks";

        // Act / Assert
        Assert.Equal(["return_url"], Keys(request));
    }

    [Fact]
    public void Validate_PriceAndBillingTerms_EachNamed()
    {
        // Arrange
        var request = Valid();
        request.ProductCart![0].Amount = 100;
        request.SubscriptionData = new JsonObject { ["trial_period_days"] = 30, ["on_demand"] = new JsonObject { ["mandate_only"] = true } };

        // Act / Assert
        Assert.Equal(["product_cart[0].amount", "subscription_data.on_demand", "subscription_data.trial_period_days"], Keys(request).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_SubscriptionDataWithNullTerms_IsValid()
    {
        // Arrange: null is what "not set" looks like on the wire.
        var request = Valid();
        request.SubscriptionData = new JsonObject { ["trial_period_days"] = null };

        // Act / Assert
        Assert.Empty(Keys(request));
    }

    [Fact]
    public void Validate_UnmodelledFields_EachNamedByPath()
    {
        // Arrange
        var request = Valid();
        request.AdditionalProperties = new() { ["brand_new"] = Json("1") };
        request.ProductCart![0].AdditionalProperties = new() { ["credit_entitlements"] = Json("[]") };
        request.Customer = new Customer { Email = "ada@example.com", AdditionalProperties = new() { ["tier"] = Json("\"gold\"") } };
        request.SubscriptionData = new JsonObject { ["future_term"] = 1 };

        // Act / Assert
        Assert.Equal(
            ["brand_new", "customer.tier", "product_cart[0].credit_entitlements", "subscription_data.future_term"],
            Keys(request).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_UnmodelledFieldsWithForwardUnknownFields_IsValid()
    {
        // Arrange
        _options.Checkout.ForwardUnknownFields = true;
        var request = Valid();
        request.AdditionalProperties = new() { ["brand_new"] = Json("1") };
        request.ProductCart![0].AdditionalProperties = new() { ["credit_entitlements"] = Json("[]") };
        request.SubscriptionData = new JsonObject { ["future_term"] = 1 };

        // Act / Assert
        Assert.Empty(Keys(request));
    }

    [Fact]
    public void Validate_DiscountCodeAndCodes_NamesDiscountCodes()
    {
        // Arrange
        var request = Valid();
        request.DiscountCode = "A";
        request.DiscountCodes = ["B"];

        // Act / Assert
        Assert.Equal(["discount_codes"], Keys(request));
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Validate_DiscountCodes_AtMostTwenty(int count, bool valid)
    {
        // Arrange
        var request = Valid();
        request.DiscountCodes = [.. Enumerable.Range(0, count).Select(i => $"CODE{i}")];

        // Act / Assert
        Assert.Equal(valid ? [] : ["discount_codes"], Keys(request));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Validate_CustomFields_AtMostFive(int count, bool valid)
    {
        // Arrange
        var request = Valid();
        request.CustomFields = [.. Enumerable.Range(0, count).Select(i => new JsonObject { ["key"] = $"f{i}" })];

        // Act / Assert
        Assert.Equal(valid ? [] : ["custom_fields"], Keys(request));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Validate_Metadata_AtMostFiftyKeys(int count, bool valid)
    {
        // Arrange
        var request = Valid();
        request.Metadata = Enumerable.Range(0, count).ToDictionary(i => $"k{i}", _ => "v");

        // Act / Assert
        Assert.Equal(valid ? [] : ["metadata"], Keys(request));
    }

    [Theory]
    [InlineData("\"text\"", true)]
    [InlineData("42", true)]
    [InlineData("1.5", true)]
    [InlineData("true", true)]
    [InlineData("false", true)]
    [InlineData("null", false)]
    [InlineData("{\"a\":1}", false)]
    [InlineData("[1]", false)]
    public void Validate_MetadataValue_StringNumberOrBoolOnly(string json, bool valid)
    {
        // Arrange
        var request = Valid();
        request.Metadata = JsonSerializer.Deserialize($$"""{"ok":"fine","value":{{json}}}""", DodoCheckoutJsonContext.Default.DodoMetadata);

        // Act
        var result = _validator.Validate(request);

        // Assert
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Contains("'value'", Assert.Single(result.Errors).ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ServerOnlyFields_EachNamed()
    {
        // Arrange
        var request = Valid();
        request.Customer = new Customer { CustomerId = "cus_1" };
        request.PaymentMethodId = "pm_1";
        request.ShowSavedPaymentMethods = false;

        // Act / Assert
        Assert.Equal(["customer.customer_id", "payment_method_id", "show_saved_payment_methods"], Keys(request));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static CheckoutSessionRequest Valid() => new() { ProductCart = [new ProductCartItem { ProductId = "pdt_1", Quantity = 1 }] };

    /// <summary>
    /// The keys of everything the endpoint refuses before its hooks run: the browser-field policy's failures (fields a
    /// browser may not send, return URLs on other hosts) and the validator's, which the endpoint answers together.
    /// </summary>
    private string[] Keys(CheckoutSessionRequest request)
    {
        var policy = CheckoutBrowserFields.Policy(_options);
        CheckoutBrowserFields.Session(request, policy);
        return [.. policy.Failures.Concat(_validator.Validate(request).Errors).Select(error => error.PropertyName).Distinct()];
    }
}
