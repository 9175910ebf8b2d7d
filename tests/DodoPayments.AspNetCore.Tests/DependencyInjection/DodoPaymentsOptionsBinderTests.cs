using DodoPayments.AspNetCore.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace DodoPayments.AspNetCore.Tests.DependencyInjection;

public sealed class DodoPaymentsOptionsBinderTests
{
    private static DodoPaymentsOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new DodoPaymentsOptions();
        DodoPaymentsOptionsBinder.Bind(configuration.GetSection("DodoPayments"), options, "DodoPayments");
        return options;
    }

    [Fact]
    public void Bind_EveryTopLevelKey_SetsItsOption()
    {
        var options = Bind(new()
        {
            ["DodoPayments:ApiKey"] = "sk_1",
            ["DodoPayments:Environment"] = "test_mode",
            ["DodoPayments:ReturnUrl"] = "https://shop.example.com/thanks",
            ["DodoPayments:WebhookKey"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ["DodoPayments:WebhookKeys:0"] = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
            ["DodoPayments:WebhookKeys:1"] = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ["DodoPayments:ApiBaseUrl"] = "http://127.0.0.1:9000",
            ["DodoPayments:CheckoutBaseUrl"] = "https://checkout.example.com",
            ["DodoPayments:ApiTimeout"] = "00:00:07",
        });

        Assert.Equal("sk_1", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.TestMode, options.Environment);
        Assert.Equal("https://shop.example.com/thanks", options.ReturnUrl);
        Assert.Equal("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", options.WebhookKey);
        Assert.Equal(["whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], options.WebhookKeys);
        Assert.Equal("http://127.0.0.1:9000", options.ApiBaseUrl);
        Assert.Equal("https://checkout.example.com", options.CheckoutBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(7), options.ApiTimeout);
        Assert.Empty(options.BindingErrors);
    }

    [Fact]
    public void Bind_FeatureSections_SetTheirOptions()
    {
        var options = Bind(new()
        {
            ["DodoPayments:Checkout:ProductCacheDuration"] = "00:10:00",
            ["DodoPayments:Checkout:MissingProductCacheDuration"] = "00:00:05",
            ["DodoPayments:Checkout:AllowedProductIds:0"] = "pdt_a",
            ["DodoPayments:PlanChange:ProrationBillingMode"] = "do_not_bill",
            ["DodoPayments:PlanChange:AllowedProductIds:0"] = "pdt_pro",
            ["DodoPayments:Webhooks:MaxRequestBodySize"] = "2048",
            ["DodoPayments:Webhooks:TimestampTolerance"] = "00:01:00",
            ["DodoPayments:Webhooks:IdempotencyRetention"] = "4.00:00:00",
            ["DodoPayments:Webhooks:SlowHandlerThreshold"] = "00:00:02",
        });

        Assert.Equal(TimeSpan.FromMinutes(10), options.Checkout.ProductCacheDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Checkout.MissingProductCacheDuration);
        Assert.Equal(["pdt_a"], options.Checkout.AllowedProductIds);
        Assert.Equal("do_not_bill", options.PlanChange.ProrationBillingMode);
        Assert.Equal(["pdt_pro"], options.PlanChange.AllowedProductIds);
        Assert.Equal(2048, options.Webhooks.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Webhooks.TimestampTolerance);
        Assert.Equal(TimeSpan.FromDays(4), options.Webhooks.IdempotencyRetention);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Webhooks.SlowHandlerThreshold);
    }

    [Fact]
    public void Bind_EmptySection_KeepsDefaults()
    {
        var options = Bind([]);

        Assert.Null(options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.LiveMode, options.Environment);
        Assert.False(options.IsEnvironmentSpecified);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ApiTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Checkout.ProductCacheDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Checkout.MissingProductCacheDuration);
        Assert.Equal("prorated_immediately", options.PlanChange.ProrationBillingMode);
        Assert.Equal(1024 * 1024, options.Webhooks.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Webhooks.TimestampTolerance);
        Assert.Equal(TimeSpan.FromHours(72), options.Webhooks.IdempotencyRetention);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Webhooks.SlowHandlerThreshold);
    }

    [Fact]
    public void Bind_EmptyStrings_CountAsAbsent()
    {
        var options = Bind(new() { ["DodoPayments:ApiKey"] = "", ["DodoPayments:ReturnUrl"] = "  ", ["DodoPayments:Environment"] = "" });

        Assert.Null(options.ApiKey);
        Assert.Null(options.ReturnUrl);
        Assert.False(options.IsEnvironmentSpecified);
        Assert.Empty(options.BindingErrors);
    }

    [Theory]
    [InlineData("test_mode", DodoPaymentsEnvironment.TestMode)]
    [InlineData("TestMode", DodoPaymentsEnvironment.TestMode)]
    [InlineData("TEST_MODE", DodoPaymentsEnvironment.TestMode)]
    [InlineData("testmode", DodoPaymentsEnvironment.TestMode)]
    [InlineData("live_mode", DodoPaymentsEnvironment.LiveMode)]
    [InlineData("LiveMode", DodoPaymentsEnvironment.LiveMode)]
    [InlineData(" Live_Mode ", DodoPaymentsEnvironment.LiveMode)]
    public void Bind_EnvironmentSpelling_IsUnderstood(string value, DodoPaymentsEnvironment expected)
    {
        var options = Bind(new() { ["DodoPayments:Environment"] = value });

        Assert.Equal(expected, options.Environment);
        Assert.True(options.IsEnvironmentSpecified);
        Assert.Empty(options.BindingErrors);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("test")]
    [InlineData("2")]
    public void Bind_UnknownEnvironment_RecordsAnErrorNamingTheKey(string value)
    {
        var options = Bind(new() { ["DodoPayments:Environment"] = value });

        var error = Assert.Single(options.BindingErrors);
        Assert.Contains("DodoPayments:Environment", error, StringComparison.Ordinal);
        Assert.Contains("test_mode or live_mode", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DodoPayments:ApiTimeout", "soon")]
    [InlineData("DodoPayments:Checkout:ProductCacheDuration", "five minutes")]
    [InlineData("DodoPayments:Webhooks:TimestampTolerance", "x")]
    [InlineData("DodoPayments:Webhooks:MaxRequestBodySize", "1MB")]
    public void Bind_UnreadableValue_RecordsAnErrorNamingTheKey(string key, string value)
    {
        var options = Bind(new() { [key] = value });

        var error = Assert.Single(options.BindingErrors);
        Assert.StartsWith(key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_CalledTwice_DoesNotDuplicateLists()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DodoPayments:WebhookKeys:0"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        }).Build();
        var options = new DodoPaymentsOptions();

        DodoPaymentsOptionsBinder.Bind(configuration.GetSection("DodoPayments"), options, "DodoPayments");
        DodoPaymentsOptionsBinder.Bind(configuration.GetSection("DodoPayments"), options, "DodoPayments");

        Assert.Single(options.WebhookKeys);
    }

    [Fact]
    public void Bind_EveryOptionOfEverySection_IsBound()
    {
        // Arrange: every key the README lists, so an option the generated binder missed shows here.
        var values = new Dictionary<string, string?>
        {
            ["DodoPayments:AllowedReturnHosts:0"] = "shop.example.com",
            ["DodoPayments:MaxRequestBodySize"] = "4096",
            ["DodoPayments:Checkout:ForwardUnknownFields"] = "true",
            ["DodoPayments:PlanChange:OnPaymentFailure"] = "prevent_change",
            ["DodoPayments:Webhooks:HandlerTimeout"] = "00:02:00",
            ["DodoPayments:Webhooks:ClaimLease"] = "00:00:45",
            ["DodoPayments:Webhooks:Inbox:MaxAttempts"] = "4",
            ["DodoPayments:Webhooks:Inbox:FirstRetryDelay"] = "00:00:09",
        };

        // Act
        var options = Bind(values);

        // Assert
        Assert.Equal(["shop.example.com"], options.AllowedReturnHosts);
        Assert.Equal(4096, options.MaxRequestBodySize);
        Assert.True(options.Checkout.ForwardUnknownFields);
        Assert.Equal("prevent_change", options.PlanChange.OnPaymentFailure);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Webhooks.HandlerTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Webhooks.ClaimLease);
        Assert.Equal(4, options.Webhooks.Inbox.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(9), options.Webhooks.Inbox.FirstRetryDelay);
        Assert.Empty(options.BindingErrors);
    }

    [Fact]
    public void Bind_ValuesWithSpacesAndEmptyListEntries_AreTrimmedAndLeftOut()
    {
        // Arrange
        var values = new Dictionary<string, string?>
        {
            ["DodoPayments:ApiKey"] = " sk_1 ",
            ["DodoPayments:ApiTimeout"] = " ",
            ["DodoPayments:WebhookKeys:0"] = "",
            ["DodoPayments:WebhookKeys:1"] = " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ",
            ["DodoPayments:PlanChange:ProrationBillingMode"] = "",
        };

        // Act
        var options = Bind(values);

        // Assert
        Assert.Equal("sk_1", options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ApiTimeout);
        Assert.Equal(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], options.WebhookKeys);
        Assert.Equal("prorated_immediately", options.PlanChange.ProrationBillingMode);
        Assert.Empty(options.BindingErrors);
    }

    [Fact]
    public void Bind_SeveralUnreadableValues_NamesEachAndBindsTheRest()
    {
        // Arrange
        var values = new Dictionary<string, string?>
        {
            ["DodoPayments:ApiTimeout"] = "soon",
            ["DodoPayments:ApiKey"] = "sk_1",
            ["DodoPayments:Checkout:ForwardUnknownFields"] = "yes",
            ["DodoPayments:Webhooks:Inbox:MaxAttempts"] = "many",
            ["DodoPayments:Webhooks:ClaimLease"] = "00:01:00",
        };

        // Act
        var options = Bind(values);

        // Assert
        Assert.Equal(
            [
                "DodoPayments:ApiTimeout must be a time span such as 00:00:30, not 'soon'.",
                "DodoPayments:Checkout:ForwardUnknownFields must be true or false, not 'yes'.",
                "DodoPayments:Webhooks:Inbox:MaxAttempts must be a whole number no larger than 2147483647, not 'many'.",
            ],
            options.BindingErrors.Order(StringComparer.Ordinal));
        Assert.Equal("sk_1", options.ApiKey);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Webhooks.ClaimLease);
    }

    [Fact]
    public void Bind_NumberTooLargeForTheOption_RecordsAnErrorNamingTheKey()
    {
        // Act
        var options = Bind(new() { ["DodoPayments:Webhooks:Inbox:MaxAttempts"] = "99999999999" });

        // Assert
        Assert.StartsWith("DodoPayments:Webhooks:Inbox:MaxAttempts must be a whole number", Assert.Single(options.BindingErrors), StringComparison.Ordinal);
        Assert.Equal(10, options.Webhooks.Inbox.MaxAttempts);
    }

    [Fact]
    public void Bind_CustomSection_NamesItsPath()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Billing:Dodo:MaxRequestBodySize"] = "64KB" }).Build();
        var options = new DodoPaymentsOptions();

        // Act
        DodoPaymentsOptionsBinder.Bind(configuration.GetSection("Billing:Dodo"), options, "Billing:Dodo");

        // Assert
        Assert.Equal("Billing:Dodo:MaxRequestBodySize must be a whole number, not '64KB'.", Assert.Single(options.BindingErrors));
    }
}
