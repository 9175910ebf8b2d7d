using DodoPayments.AspNetCore.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.DependencyInjection;

public sealed class DodoPaymentsOptionsMonitorTests : IDisposable
{
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = "sk_before", ["DodoPayments:ApiTimeout"] = "00:00:10" })
        .Build();

    private readonly ServiceProvider _provider;

    public DodoPaymentsOptionsMonitorTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(_configuration);
        services.AddDodoPayments();
        _provider = services.BuildServiceProvider();
    }

    public void Dispose() => _provider.Dispose();

    private IOptionsMonitor<DodoPaymentsOptions> Monitor => _provider.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>();

    [Fact]
    public void Reload_InvalidValue_KeepsTheLastValidOptions()
    {
        // Arrange
        var before = Monitor.CurrentValue;
        _configuration["DodoPayments:ApiKey"] = "sk_after";
        _configuration["DodoPayments:ApiTimeout"] = "soon";

        // Act
        _configuration.Reload();

        // Assert
        Assert.Same(before, Monitor.CurrentValue);
        Assert.Equal("sk_before", Monitor.CurrentValue.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(10), Monitor.CurrentValue.ApiTimeout);
    }

    [Fact]
    public void Reload_InvalidValue_ListenersAreNotCalled()
    {
        // Arrange
        _ = Monitor.CurrentValue;
        var seen = new List<DodoPaymentsOptions>();
        using var listener = Monitor.OnChange((options, _) => seen.Add(options));
        _configuration["DodoPayments:ApiTimeout"] = "-00:00:01";

        // Act
        _configuration.Reload();

        // Assert
        Assert.Empty(seen);
    }

    [Fact]
    public void Reload_ValidAfterInvalid_IsTakenAndListenersSeeIt()
    {
        // Arrange
        _ = Monitor.CurrentValue;
        var seen = new List<DodoPaymentsOptions>();
        using var listener = Monitor.OnChange((options, _) => seen.Add(options));
        _configuration["DodoPayments:ApiTimeout"] = "soon";
        _configuration.Reload();
        _configuration["DodoPayments:ApiTimeout"] = "00:00:20";
        _configuration["DodoPayments:ApiKey"] = "sk_after";

        // Act
        _configuration.Reload();

        // Assert
        var taken = Assert.Single(seen);
        Assert.Same(taken, Monitor.CurrentValue);
        Assert.Equal("sk_after", taken.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(20), taken.ApiTimeout);
    }

    [Fact]
    public void Listener_Disposed_IsNotCalledAgain()
    {
        // Arrange
        _ = Monitor.CurrentValue;
        var calls = 0;
        var listener = Monitor.OnChange((_, _) => calls++);
        _configuration["DodoPayments:ApiKey"] = "sk_1";
        _configuration.Reload();

        // Act
        listener!.Dispose();
        _configuration["DodoPayments:ApiKey"] = "sk_2";
        _configuration.Reload();

        // Assert
        Assert.Equal(1, calls);
        Assert.Equal("sk_2", Monitor.CurrentValue.ApiKey);
    }

    [Fact]
    public void FirstRead_InvalidValue_ThrowsNamingTheKey()
    {
        // Arrange
        _configuration["DodoPayments:ApiTimeout"] = "soon";

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => Monitor.CurrentValue);

        // Assert
        Assert.Contains("DodoPayments:ApiTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_AfterInvalidReload_ReadsTheLastValidOptions()
    {
        // Arrange
        var before = Monitor.CurrentValue;
        _configuration["DodoPayments:ApiTimeout"] = "soon";
        _configuration.Reload();

        // Act
        using var scope = _provider.CreateScope();
        var snapshot = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<DodoPaymentsOptions>>();

        // Assert
        Assert.Same(before, snapshot.Value);
        Assert.Same(before, snapshot.Get(Options.DefaultName));
    }

    [Fact]
    public void Monitor_ResolvedByTheApp_IsTheOneTheLibraryUses()
    {
        // Act
        var monitor = Monitor;

        // Assert
        Assert.IsType<DodoPaymentsOptionsMonitor>(monitor);
        Assert.Same(monitor, _provider.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>());
    }
}
