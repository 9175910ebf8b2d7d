using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Tests.Infrastructure;
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
    public void AddDodoPayments_Section_BindsThatSection()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        using var provider = OptionsFactory.BuildProvider(Settings, services => services.AddDodoPayments(configuration.GetSection("Billing:Dodo")));

        // Act
        var options = provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value;

        // Assert
        Assert.Equal("sk_billing", options.ApiKey);
        Assert.Equal(DodoPaymentsEnvironment.LiveMode, options.Environment);
    }

    [Fact]
    public void AddDodoPayments_SectionWithInvalidValue_NamesThatSectionsKeyInTheMessage()
    {
        // Arrange
        var settings = new Dictionary<string, string?>(Settings) { ["Billing:Dodo:ReturnUrl"] = "/thanks" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = OptionsFactory.BuildProvider(settings, services => services.AddDodoPayments(configuration.GetSection("Billing:Dodo")));

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value);

        // Assert
        Assert.Contains("Billing:Dodo:ReturnUrl must be an absolute http or https URL", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DodoPayments:ReturnUrl", exception.Message, StringComparison.Ordinal);
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
    public void AddDodoPayments_CalledTwiceWithAnInvalidValue_ReportsTheProblemOnce()
    {
        // Arrange
        var settings = new Dictionary<string, string?>(Settings) { ["DodoPayments:ReturnUrl"] = "/thanks" };
        using var provider = OptionsFactory.BuildProvider(settings, services =>
        {
            services.AddDodoPayments();
            return services.AddDodoPayments();
        });

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DodoPaymentsOptions>>().Value);

        // Assert
        Assert.Single(exception.Failures, failure => failure.Contains("DodoPayments:ReturnUrl must be an absolute http or https URL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddDodoPayments_CalledTwice_ApiClientCallsDodoOnceWithOneKeyAndOneUserAgent()
    {
        // Arrange
        await using var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_1", "Book");
        using var provider = OptionsFactory.BuildProvider(Settings, services =>
        {
            services.AddDodoPayments();
            var builder = services.AddDodoPayments();
            builder.Services.AddDodoApiStandIn(dodo);
            return builder;
        });
        var client = provider.GetRequiredService<IDodoPaymentsApiClient>();

        // Act
        var product = await client.GetProductAsync("pdt_1");

        // Assert
        Assert.Equal("Book", product.Name);
        var request = Assert.Single(dodo.Requests);
        Assert.Equal("Bearer sk_section", request.Authorization);
        var userAgent = provider.GetRequiredService<IHttpClientFactory>().CreateClient(DodoPaymentsOptions.HttpClientName).DefaultRequestHeaders.UserAgent;
        Assert.Single(userAgent);
        Assert.Equal(userAgent.ToString(), request.UserAgent);
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
