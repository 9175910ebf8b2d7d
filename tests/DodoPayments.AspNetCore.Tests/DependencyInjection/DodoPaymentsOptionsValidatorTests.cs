using DodoPayments.AspNetCore.DependencyInjection;

namespace DodoPayments.AspNetCore.Tests.DependencyInjection;

public sealed class DodoPaymentsOptionsValidatorTests
{
    private const string ValidKey = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static List<string> Validate(DodoPaymentsOptions options, DodoPaymentsFeatures mapped = DodoPaymentsFeatures.None, string path = "DodoPayments")
    {
        var marker = new DodoPaymentsMarker { ConfigurationPath = path };
        marker.MarkMapped(mapped);
        return [.. new DodoPaymentsOptionsValidator(marker).Validate(options).Errors.Select(e => e.ErrorMessage)];
    }

    [Fact]
    public void Validate_DefaultsWithNothingMapped_Passes()
    {
        Assert.Empty(Validate(new DodoPaymentsOptions()));
    }

    [Theory]
    [InlineData("Checkout")]
    [InlineData("DynamicCheckout")]
    [InlineData("CustomerPortal")]
    [InlineData("PlanChange")]
    [InlineData("ApiEndpoint")]
    public void Validate_ApiEndpointMappedWithoutApiKey_NamesApiKey(string feature)
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions(), Enum.Parse<DodoPaymentsFeatures>(feature)));

        Assert.Equal("DodoPayments:ApiKey is required when a checkout, customer portal or plan change endpoint is mapped (or set DODO_PAYMENTS_API_KEY).", error);
    }

    [Theory]
    [InlineData("sk_test abc")]
    [InlineData("sk_test\tabc")]
    [InlineData("sk_test\nabc")]
    [InlineData("sk_test\u0001abc")]
    [InlineData("sk_test\u007Fabc")]
    [InlineData("sk_testé_abc")]
    [InlineData("sk_test\u200Babc")]
    [InlineData("sk_test\u00A0abc")]
    [InlineData(" sk_test_abc")]
    public void Validate_ApiKeyWithWhitespaceControlOrNonAsciiCharacter_NamesApiKeyWithoutItsValue(string apiKey)
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { ApiKey = apiKey }));

        Assert.StartsWith("DodoPayments:ApiKey ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test", error, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk_test_AbC-123.xyz")]
    [InlineData("Q7n+/=~!@#$%^&*()[]{}<>?|:;'\",`")]
    public void Validate_ApiKeyOfPrintableAscii_Passes(string apiKey)
    {
        Assert.Empty(Validate(new DodoPaymentsOptions { ApiKey = apiKey }, DodoPaymentsFeatures.Checkout));
    }

    [Fact]
    public void Validate_OnlyWebhooksMappedWithoutApiKey_DoesNotAskForApiKey()
    {
        Assert.Empty(Validate(new DodoPaymentsOptions { WebhookKey = ValidKey }, DodoPaymentsFeatures.Webhooks));
    }

    [Fact]
    public void Validate_WebhooksMappedWithoutKey_NamesWebhookKey()
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions(), DodoPaymentsFeatures.Webhooks));

        Assert.StartsWith("DodoPayments:WebhookKey is required when the webhook endpoint is mapped", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebhooksMappedWithOnlyRotationKeys_Passes()
    {
        var options = new DodoPaymentsOptions { WebhookKeys = [ValidKey] };

        Assert.Empty(Validate(options, DodoPaymentsFeatures.Webhooks));
    }

    [Theory]
    [InlineData("whsec_====")]
    [InlineData("whsec_not base64!")]
    [InlineData("not-base64-at-all")]
    [InlineData("whsec_abc")]
    public void Validate_MalformedWebhookKey_NamesWebhookKeyWithoutItsValue(string key)
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { WebhookKey = key }));

        Assert.StartsWith("DodoPayments:WebhookKey is not a valid signing secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ValidKey)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void Validate_WellFormedWebhookKey_Passes(string key)
    {
        Assert.Empty(Validate(new DodoPaymentsOptions { WebhookKey = key }, DodoPaymentsFeatures.Webhooks));
    }

    [Fact]
    public void Validate_MalformedRotationKey_NamesWebhookKeys()
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { WebhookKey = ValidKey, WebhookKeys = [ValidKey, "whsec_%%%"] }));

        Assert.StartsWith("DodoPayments:WebhookKeys has an entry that is not a valid signing secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("%%%", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/thanks")]
    [InlineData("thanks")]
    [InlineData("ftp://shop.example.com/thanks")]
    [InlineData("file:///etc/passwd")]
    public void Validate_RelativeOrNonHttpReturnUrl_NamesReturnUrl(string url)
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { ReturnUrl = url }));

        Assert.Equal("DodoPayments:ReturnUrl must be an absolute http or https URL such as https://shop.example.com/thanks.", error);
    }

    [Fact]
    public void Validate_RelativeApiBaseUrl_NamesApiBaseUrl()
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { ApiBaseUrl = "/dodo" }));

        Assert.StartsWith("DodoPayments:ApiBaseUrl must be an absolute http or https URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeCheckoutBaseUrl_NamesCheckoutBaseUrl()
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { CheckoutBaseUrl = "checkout" }));

        Assert.StartsWith("DodoPayments:CheckoutBaseUrl must be an absolute http or https URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpUrls_Pass()
    {
        var options = new DodoPaymentsOptions
        {
            ReturnUrl = "http://localhost:5080/",
            ApiBaseUrl = "http://127.0.0.1:9000",
            CheckoutBaseUrl = "https://checkout.example.com/buy",
        };

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_UndefinedEnvironment_NamesEnvironment()
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { Environment = (DodoPaymentsEnvironment)7 }));

        Assert.Equal("DodoPayments:Environment must be test_mode or live_mode.", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    public void Validate_ApiTimeoutOutOfRange_NamesApiTimeout(int seconds)
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions { ApiTimeout = TimeSpan.FromSeconds(seconds) }));

        Assert.StartsWith("DodoPayments:ApiTimeout must be more than zero", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeCacheDurations_NameTheirKeys()
    {
        var options = new DodoPaymentsOptions();
        options.Checkout.ProductCacheDuration = TimeSpan.FromSeconds(-1);
        options.Checkout.MissingProductCacheDuration = TimeSpan.FromSeconds(-1);

        var errors = Validate(options);

        Assert.Equal(2, errors.Count);
        Assert.Contains("DodoPayments:Checkout:ProductCacheDuration must not be negative.", errors);
        Assert.Contains("DodoPayments:Checkout:MissingProductCacheDuration must not be negative.", errors);
    }

    [Fact]
    public void Validate_UnknownProrationMode_NamesTheKeyAndTheModes()
    {
        var options = new DodoPaymentsOptions();
        options.PlanChange.ProrationBillingMode = "sometimes";

        var error = Assert.Single(Validate(options));

        Assert.StartsWith("DodoPayments:PlanChange:ProrationBillingMode must be one of prorated_immediately, full_immediately, difference_immediately, do_not_bill", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositiveWebhookLimits_NameTheirKeys()
    {
        var options = new DodoPaymentsOptions();
        options.Webhooks.MaxRequestBodySize = 0;
        options.Webhooks.TimestampTolerance = TimeSpan.Zero;
        options.Webhooks.IdempotencyRetention = TimeSpan.Zero;
        options.Webhooks.SlowHandlerThreshold = TimeSpan.Zero;

        var errors = Validate(options);

        Assert.Equal(
            [
                "DodoPayments:Webhooks:MaxRequestBodySize must be a positive number of bytes.",
                "DodoPayments:Webhooks:TimestampTolerance must be more than zero.",
                "DodoPayments:Webhooks:IdempotencyRetention must be more than zero.",
                "DodoPayments:Webhooks:SlowHandlerThreshold must be more than zero.",
            ],
            errors);
    }

    [Fact]
    public void Validate_BindingErrors_AreReportedAsTheyAre()
    {
        var options = new DodoPaymentsOptions();
        options.BindingErrors.Add("DodoPayments:Environment must be test_mode or live_mode, not 'x'.");

        Assert.Equal(["DodoPayments:Environment must be test_mode or live_mode, not 'x'."], Validate(options));
    }

    [Fact]
    public void Validate_SeveralProblems_OneMessageEach()
    {
        var options = new DodoPaymentsOptions { ReturnUrl = "/thanks", WebhookKey = "whsec_!!" };

        var errors = Validate(options, DodoPaymentsFeatures.Checkout | DodoPaymentsFeatures.Webhooks);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("DodoPayments:ApiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DodoPayments:WebhookKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DodoPayments:ReturnUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CustomSection_MessagesNameThatSection()
    {
        var error = Assert.Single(Validate(new DodoPaymentsOptions(), DodoPaymentsFeatures.Checkout, "Billing:Dodo"));

        Assert.StartsWith("Billing:Dodo:ApiKey is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretsNeverAppearInMessages()
    {
        var options = new DodoPaymentsOptions { ApiKey = "sk_live_verysecret", WebhookKey = "whsec_secret+value!", ReturnUrl = "relative" };
        options.WebhookKeys.Add("whsec_other_secret!");

        var errors = Validate(options, DodoPaymentsFeatures.Checkout | DodoPaymentsFeatures.Webhooks);

        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.DoesNotContain("verysecret", e, StringComparison.Ordinal);
            Assert.DoesNotContain("secret+value", e, StringComparison.Ordinal);
            Assert.DoesNotContain("other_secret", e, StringComparison.Ordinal);
        });
    }
}
