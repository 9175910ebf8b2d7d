using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.IntegrationTests.DependencyInjection;

/// <summary>
/// A configuration reloaded while the app runs, through a real reloadable configuration and real HTTP: an invalid one
/// is not taken (the last valid options stay in force and an error names the key), a valid one is.
/// </summary>
public sealed class ConfigurationReloadTests : IAsyncDisposable
{
    private const string Key = "DodoPayments:WebhookKey";
    private const string MalformedKey = "whsec_not*base64";

    private DodoTestApp? _app;
    private MemoryConfigurationProvider? _settings;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task StartAsync()
    {
        _app = await DodoTestApp.StartWebhooksAsync();
        _settings = ((IConfigurationRoot)_app.App.Configuration).Providers.OfType<MemoryConfigurationProvider>().Last();
    }

    private void Reload(string key, string value)
    {
        _settings!.Set(key, value);
        ((IConfigurationRoot)_app!.App.Configuration).Reload();
    }

    private async Task<HttpStatusCode> PostSignedAsync(string secret)
    {
        using var request = new DodoWebhookSigner(secret, _app!.Clock).CreateRequest(
            DodoTestApp.WebhookRoute, DodoTestApp.PaymentSucceeded(), "msg_" + Guid.NewGuid().ToString("N"), _app.Clock.GetUtcNow());
        using var response = await _app.Client.SendAsync(request);
        return response.StatusCode;
    }

    private List<FakeLogRecord> Errors() => [.. _app!.Logs.GetSnapshot().Where(entry => entry.Level == LogLevel.Error)];

    [Fact]
    public async Task Reload_MalformedWebhookKey_WebhooksStillVerifyWithTheLastValidKey()
    {
        // Arrange
        await StartAsync();

        // Act
        Reload(Key, MalformedKey);

        // Assert
        Assert.Equal(HttpStatusCode.OK, await PostSignedAsync(DodoTestApp.Secret));
    }

    [Fact]
    public async Task Reload_MalformedWebhookKey_LogsAnErrorNamingTheKeyWithoutItsValue()
    {
        // Arrange
        await StartAsync();

        // Act
        Reload(Key, MalformedKey);

        // Assert
        var error = Assert.Single(Errors());
        Assert.Equal(10, error.Id.Id);
        Assert.Contains("DodoPayments:WebhookKey is not a valid signing secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("last valid options stay in force", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_app!.Logs.GetSnapshot(), entry => entry.Message.Contains("not*base64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_ValidKeyAfterMalformedOne_IsTaken()
    {
        // Arrange
        await StartAsync();
        Reload(Key, MalformedKey);

        // Act
        Reload(Key, DodoTestApp.OtherSecret);

        // Assert
        Assert.Equal(HttpStatusCode.OK, await PostSignedAsync(DodoTestApp.OtherSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostSignedAsync(DodoTestApp.Secret));
        Assert.Single(Errors());
    }

    [Fact]
    public async Task Reload_Invalid_AppListenersDoNotSeeIt_ValidOneTheyDo()
    {
        // Arrange
        await StartAsync();
        var monitor = _app!.Services.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>();
        var seen = new List<string?>();
        using var listener = monitor.OnChange((options, _) => seen.Add(options.WebhookKey));

        // Act
        Reload("DodoPayments:ApiTimeout", "half-written");
        var afterInvalid = seen.ToList();
        _settings!.Set("DodoPayments:ApiTimeout", "00:00:30");
        Reload(Key, DodoTestApp.OtherSecret);

        // Assert
        Assert.Empty(afterInvalid);
        Assert.NotEmpty(seen);
        Assert.All(seen, key => Assert.Equal(DodoTestApp.OtherSecret, key));
        Assert.Equal(DodoTestApp.OtherSecret, monitor.CurrentValue.WebhookKey);
        Assert.Contains("DodoPayments:ApiTimeout must be a time span", Assert.Single(Errors()).Message, StringComparison.Ordinal);
    }
}
