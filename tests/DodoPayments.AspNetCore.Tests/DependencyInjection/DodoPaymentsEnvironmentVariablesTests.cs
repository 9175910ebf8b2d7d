using DodoPayments.AspNetCore.Tests.Infrastructure;

namespace DodoPayments.AspNetCore.Tests.DependencyInjection;

public sealed class DodoPaymentsEnvironmentVariablesTests
{
    [Fact]
    public void Fallback_SectionEmpty_TakesEveryVariable()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?>
        {
            ["DODO_PAYMENTS_API_KEY"] = "sk_env",
            ["DODO_PAYMENTS_ENVIRONMENT"] = "test_mode",
            ["DODO_PAYMENTS_RETURN_URL"] = "https://env.example.com/back",
            ["DODO_PAYMENTS_WEBHOOK_KEY"] = "whsec_env",
            ["DODO_PAYMENTS_BASE_URL"] = "http://127.0.0.1:7000",
        });

        Assert.Equal("sk_env", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.TestMode, options.Environment);
        Assert.Equal("https://env.example.com/back", options.ReturnUrl);
        Assert.Equal("whsec_env", options.WebhookKey);
        Assert.Equal("http://127.0.0.1:7000", options.ApiBaseUrl);
    }

    [Fact]
    public void Fallback_SectionHasValues_SectionWins()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?>
        {
            ["DodoPayments:ApiKey"] = "sk_section",
            ["DodoPayments:Environment"] = "live_mode",
            ["DodoPayments:ReturnUrl"] = "https://section.example.com/back",
            ["DodoPayments:WebhookKey"] = "whsec_section",
            ["DodoPayments:ApiBaseUrl"] = "https://proxy.example.com",
            ["DODO_PAYMENTS_API_KEY"] = "sk_env",
            ["DODO_PAYMENTS_ENVIRONMENT"] = "test_mode",
            ["DODO_PAYMENTS_RETURN_URL"] = "https://env.example.com/back",
            ["DODO_PAYMENTS_WEBHOOK_KEY"] = "whsec_env",
            ["DODO_PAYMENTS_BASE_URL"] = "http://127.0.0.1:7000",
        });

        Assert.Equal("sk_section", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.LiveMode, options.Environment);
        Assert.Equal("https://section.example.com/back", options.ReturnUrl);
        Assert.Equal("whsec_section", options.WebhookKey);
        Assert.Equal("https://proxy.example.com", options.ApiBaseUrl);
    }

    [Fact]
    public void Fallback_SectionValueEmpty_CountsAsAbsent()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?>
        {
            ["DodoPayments:ApiKey"] = "",
            ["DODO_PAYMENTS_API_KEY"] = "sk_env",
        });

        Assert.Equal("sk_env", options.ApiKey);
    }

    [Fact]
    public void Fallback_WebhookKeyAbsent_TakesWebhookSecret()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?> { ["DODO_PAYMENTS_WEBHOOK_SECRET"] = "whsec_secret" });

        Assert.Equal("whsec_secret", options.WebhookKey);
    }

    [Fact]
    public void Fallback_BothWebhookVariables_PrefersWebhookKey()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?>
        {
            ["DODO_PAYMENTS_WEBHOOK_KEY"] = "whsec_key",
            ["DODO_PAYMENTS_WEBHOOK_SECRET"] = "whsec_secret",
        });

        Assert.Equal("whsec_key", options.WebhookKey);
    }

    [Fact]
    public void Fallback_EnvironmentSetInCode_IsNotOverridden()
    {
        var options = OptionsFactory.Build(
            new Dictionary<string, string?> { ["DODO_PAYMENTS_ENVIRONMENT"] = "test_mode" },
            services => services.AddDodoPayments(o => o.Environment = DodoPaymentsEnvironment.LiveMode));

        Assert.Equal(DodoPaymentsEnvironment.LiveMode, options.Environment);
    }

    [Fact]
    public void Fallback_UnknownEnvironmentVariable_RecordsAnErrorNamingTheVariable()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?> { ["DODO_PAYMENTS_ENVIRONMENT"] = "sandbox" });

        var error = Assert.Single(options.BindingErrors);
        Assert.Contains("DODO_PAYMENTS_ENVIRONMENT", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_NothingAnywhere_LeavesDefaults()
    {
        var options = OptionsFactory.Build(new Dictionary<string, string?>());

        Assert.Null(options.ApiKey);
        Assert.Null(options.WebhookKey);
        Assert.Equal(DodoPaymentsEnvironment.LiveMode, options.Environment);
    }
}
