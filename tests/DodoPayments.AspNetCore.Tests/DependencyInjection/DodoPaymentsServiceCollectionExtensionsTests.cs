using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Tests.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.DependencyInjection;

public sealed class DodoPaymentsServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["DodoPayments:ApiKey"] = "sk_section",
        ["DodoPayments:Environment"] = "test_mode",
        ["Billing:Dodo:ApiKey"] = "sk_billing",
        ["Billing:Dodo:Environment"] = "live_mode",
    };

    [Fact]
    public void AddDodoPayments_NoArguments_BindsTheDodoPaymentsSection()
    {
        using var provider = OptionsFactory.BuildProvider(Settings);

        var options = provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value;

        Assert.Equal("sk_section", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.TestMode, options.Environment);
    }

    [Fact]
    public void AddDodoPayments_Action_RunsAfterTheSectionAndWins()
    {
        using var provider = OptionsFactory.BuildProvider(Settings, services => services.AddDodoPayments(o => o.ApiKey = "sk_code"));

        var options = provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value;

        Assert.Equal("sk_code", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.TestMode, options.Environment);
    }

    [Fact]
    public void AddDodoPayments_Section_BindsThatSectionAndNamesItInMessages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        using var provider = OptionsFactory.BuildProvider(Settings, services => services.AddDodoPayments(configuration.GetSection("Billing:Dodo")));

        var options = provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value;

        Assert.Equal("sk_billing", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.LiveMode, options.Environment);
        Assert.Equal("Billing:Dodo", provider.GetRequiredService<DodoPaymentsMarker>().ConfigurationPath);
    }

    [Fact]
    public void AddDodoPayments_WithoutConfiguration_StillBuildsOptions()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDodoPayments(o => o.ApiKey = "sk_code");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("sk_code", provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value.ApiKey);
    }

    [Fact]
    public void AddDodoPayments_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        services.AddLogging();

        services.AddDodoPayments();
        services.AddDodoPayments();

        Assert.Single(services, d => d.ServiceType == typeof(DodoPaymentsMarker));
        Assert.Single(services, d => d.ServiceType == typeof(IDodoPaymentsApiClient));
        Assert.Single(services, d => d.ServiceType == typeof(IValidator<DodoPaymentsOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DodoPaymentsOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IPostConfigureOptions<DodoPaymentsOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IOptionsChangeTokenSource<DodoPaymentsOptions>));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(DodoPaymentsOptions.HttpClientName);
        Assert.Single(client.DefaultRequestHeaders.UserAgent);
        Assert.Equal("sk_section", provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value.ApiKey);
    }

    [Fact]
    public void AddDodoPayments_ReturnsBuilderOverTheSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddDodoPayments();

        Assert.Same(services, builder.Services);
        Assert.Equal(DodoPaymentsOptions.HttpClientName, builder.HttpClient.Name);
    }

    [Fact]
    public void AddDodoPayments_UserClientRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        var mine = new UnsupportedDodoApiClient();
        services.AddSingleton<IDodoPaymentsApiClient>(mine);

        services.AddDodoPayments();
        using var provider = services.AddLogging().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IDodoPaymentsApiClient>());
    }

    [Fact]
    public void AddDodoPayments_UserTimeProviderRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        var clock = new FixedTimeProvider();
        services.AddSingleton<TimeProvider>(clock);

        services.AddDodoPayments();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddDodoPayments_ConfigurationReloads_CurrentValueFollows()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = "sk_before" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDodoPayments();
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>();
        Assert.Equal("sk_before", monitor.CurrentValue.ApiKey);

        configuration["DodoPayments:ApiKey"] = "sk_after";
        configuration.Reload();

        Assert.Equal("sk_after", monitor.CurrentValue.ApiKey);
    }

    private sealed class FixedTimeProvider : TimeProvider;
}
