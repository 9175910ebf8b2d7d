using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.IntegrationTests.DependencyInjection;

public sealed class StartupValidationTests : IAsyncDisposable
{
    private readonly DodoApiStandIn _dodo = new();

    public ValueTask DisposeAsync() => _dodo.DisposeAsync();

    private Task<DodoTestApp> StartAsync(DodoPaymentsFeatures mapped, Dictionary<string, string?> settings) =>
        DodoTestApp.StartAsync(_dodo, app => app.MarkDodoFeatureMapped(mapped, "MapDodoTest"), settings);

    [Fact]
    public async Task Start_ApiEndpointMappedWithoutApiKey_RefusesNamingApiKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(DodoPaymentsFeatures.Checkout, new() { ["DodoPayments:ApiKey"] = null }));

        Assert.Contains("DodoPayments:ApiKey is required when a checkout, customer portal or plan change endpoint is mapped", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sk_test_secret value")]
    [InlineData("sk_test_secret\u0007value")]
    [InlineData("sk_test_secrét_value")]
    public async Task Start_ApiKeyWithWhitespaceControlOrNonAsciiCharacter_RefusesNamingApiKey(string apiKey)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(DodoPaymentsFeatures.Checkout, new() { ["DodoPayments:ApiKey"] = apiKey }));

        Assert.Contains("DodoPayments:ApiKey (or DODO_PAYMENTS_API_KEY) holds whitespace, a control character or a non-ASCII character", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("value", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ApiKeyOnlyInEnvironmentVariable_Starts()
    {
        await using var app = await StartAsync(DodoPaymentsFeatures.Checkout, new() { ["DodoPayments:ApiKey"] = null, ["DODO_PAYMENTS_API_KEY"] = "sk_from_env" });

        Assert.Equal("sk_from_env", app.Services.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>().CurrentValue.ApiKey);
    }

    [Fact]
    public async Task Start_MalformedWebhookKey_RefusesNamingWebhookKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(DodoPaymentsFeatures.Webhooks, new() { ["DodoPayments:WebhookKey"] = "whsec_not*base64" }));

        Assert.Contains("DodoPayments:WebhookKey is not a valid signing secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WebhooksMappedWithoutKey_RefusesNamingWebhookKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(DodoPaymentsFeatures.Webhooks, []));

        Assert.Contains("DodoPayments:WebhookKey is required when the webhook endpoint is mapped", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RelativeReturnUrl_RefusesNamingReturnUrl()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(DodoPaymentsFeatures.None, new() { ["DodoPayments:ReturnUrl"] = "/thanks" }));

        Assert.Contains("DodoPayments:ReturnUrl must be an absolute http or https URL", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownEnvironment_RefusesNamingEnvironment()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(DodoPaymentsFeatures.None, new() { ["DodoPayments:Environment"] = "sandbox" }));

        Assert.Contains("DodoPayments:Environment must be test_mode or live_mode", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeveralProblems_ReportsEach()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(
            DodoPaymentsFeatures.PlanChange | DodoPaymentsFeatures.Webhooks,
            new() { ["DodoPayments:ApiKey"] = null, ["DodoPayments:ReturnUrl"] = "thanks", ["DodoPayments:ApiBaseUrl"] = "dodo" }));

        Assert.Equal(4, exception.Failures.Count());
    }

    [Fact]
    public async Task Start_NothingMappedAndNoKeys_Starts()
    {
        await using var app = await StartAsync(DodoPaymentsFeatures.None, new() { ["DodoPayments:ApiKey"] = null });

        Assert.NotNull(app.Services.GetRequiredService<IDodoPaymentsApiClient>());
    }

    public static TheoryData<string> ApiEndpoints => ["MapDodoCheckout", "MapDodoDynamicCheckout", "MapDodoCustomerPortal", "MapDodoPlanChange"];

    public static TheoryData<string> AllEndpoints => ["MapDodoCheckout", "MapDodoDynamicCheckout", "MapDodoCustomerPortal", "MapDodoPlanChange", "MapDodoWebhooks"];

    private static void Map(IEndpointRouteBuilder app, string method)
    {
        _ = method switch
        {
            "MapDodoCheckout" => app.MapDodoCheckout(),
            "MapDodoDynamicCheckout" => app.MapDodoDynamicCheckout(),
            "MapDodoCustomerPortal" => app.MapDodoCustomerPortal("/billing", _ => ValueTask.FromResult<string?>("cus_1")),
            "MapDodoPlanChange" => app.MapDodoPlanChange("/plan", _ => ValueTask.FromResult<string?>("sub_1")),
            "MapDodoWebhooks" => app.MapDodoWebhooks(),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task Start_RealApiEndpointWithoutApiKey_RefusesNamingApiKey(string method)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DodoTestApp.StartAsync(_dodo, app => Map(app, method), new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = null }));

        Assert.Contains("DodoPayments:ApiKey is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RealWebhookEndpointWithoutKey_RefusesNamingWebhookKey()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => DodoTestApp.StartAsync(_dodo, app => app.MapDodoWebhooks()));

        Assert.Contains("DodoPayments:WebhookKey is required", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task RealMap_WithoutAddDodoPayments_ThrowsNamingTheMethod(string method)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => Map(app, method));

        Assert.Contains(method, exception.Message, StringComparison.Ordinal);
        Assert.Contains("AddDodoPayments()", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_WithoutAddDodoPayments_ThrowsSayingSo()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MarkDodoFeatureMapped(DodoPaymentsFeatures.Checkout, "MapDodoCheckout"));

        Assert.Contains("MapDodoCheckout", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AddDodoPayments()", exception.Message, StringComparison.Ordinal);
    }
}
