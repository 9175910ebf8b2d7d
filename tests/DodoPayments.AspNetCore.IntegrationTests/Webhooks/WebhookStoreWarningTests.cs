using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>The in-memory idempotency store says what it is, outside Development, when the webhook endpoint uses it.</summary>
public sealed class WebhookStoreWarningTests
{
    private const int InMemoryStoreWarning = 317;

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task StartUp_InMemoryStoreOutsideDevelopment_WarnsNamingTheStore(string environment)
    {
        // Arrange, Act
        await using var host = await DodoTestApp.StartWebhooksAsync(environment: environment);

        // Assert
        var warning = Assert.Single(host.Logs.GetSnapshot(), entry => entry.Id.Id == InMemoryStoreWarning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("InMemoryWebhookIdempotencyStore", warning.Message, StringComparison.Ordinal);
        Assert.Contains("restart", warning.Message, StringComparison.Ordinal);
        Assert.Contains("instances", warning.Message, StringComparison.Ordinal);
        Assert.Contains(environment, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_InMemoryStoreInDevelopment_DoesNotWarn()
    {
        // Arrange, Act
        await using var host = await DodoTestApp.StartWebhooksAsync(environment: "Development");

        // Assert
        Assert.DoesNotContain(host.Logs.GetSnapshot(), entry => entry.Id.Id == InMemoryStoreWarning);
    }

    [Fact]
    public async Task StartUp_AnotherStoreRegistered_DoesNotWarn()
    {
        // Arrange, Act
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.Services.AddInboxTestStore(), environment: "Production");

        // Assert
        Assert.IsType<InboxTestStore>(host.App.Services.GetRequiredService<IWebhookIdempotencyStore>());
        Assert.DoesNotContain(host.Logs.GetSnapshot(), entry => entry.Id.Id == InMemoryStoreWarning);
    }

    [Fact]
    public async Task StartUp_WebhookEndpointNotMapped_DoesNotWarn()
    {
        // Arrange, Act
        await using var host = await DodoTestApp.StartWebhooksAsync(map: _ => { }, environment: "Production");

        // Assert
        Assert.DoesNotContain(host.Logs.GetSnapshot(), entry => entry.Id.Id == InMemoryStoreWarning);
    }
}
