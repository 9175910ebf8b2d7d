using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.CustomerPortal;

public sealed class CustomerPortalAuthorizationWarningTests
{
    private const int WarningEventId = 400;

    [Fact]
    public async Task StartUp_QueryFormWithoutAuthorization_LogsWarningNamingTheRoute()
    {
        // Arrange
        var logs = new FakeLogCollector();

        // Act
        await using var app = await StartAsync(logs, endpoints => endpoints.MapDodoCustomerPortal());

        // Assert
        var warning = Assert.Single(logs.GetSnapshot(), entry => entry.Id.Id == WarningEventId);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("/api/customer-portal", warning.Message, StringComparison.Ordinal);
        Assert.Contains("RequireAuthorization", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_QueryFormRequiringAuthorization_LogsNoWarning()
    {
        // Arrange
        var logs = new FakeLogCollector();

        // Act
        await using var app = await StartAsync(logs, endpoints => endpoints.MapDodoCustomerPortal().RequireAuthorization("Staff"));

        // Assert
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Id.Id == WarningEventId);
    }

    [Fact]
    public async Task StartUp_QueryFormInGroupRequiringAuthorization_LogsNoWarning()
    {
        // Arrange
        var logs = new FakeLogCollector();

        // Act
        await using var app = await StartAsync(logs, endpoints =>
        {
            var billing = endpoints.MapGroup("/billing");
            billing.RequireAuthorization();
            billing.MapDodoCustomerPortal("/portal");
        });

        // Assert
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Id.Id == WarningEventId);
    }

    [Fact]
    public async Task StartUp_QueryFormRequiringAuthorizationButAllowingAnonymous_LogsWarning()
    {
        // Arrange
        var logs = new FakeLogCollector();

        // Act
        await using var app = await StartAsync(logs, endpoints => endpoints.MapDodoCustomerPortal().RequireAuthorization().AllowAnonymous());

        // Assert
        Assert.Single(logs.GetSnapshot(), entry => entry.Id.Id == WarningEventId);
    }

    [Fact]
    public async Task StartUp_ResolverForm_LogsNoWarning()
    {
        // Arrange
        var logs = new FakeLogCollector();

        // Act
        await using var app = await StartAsync(logs, endpoints => endpoints.MapDodoCustomerPortal("/portal", _ => ValueTask.FromResult<string?>("cus_1")));

        // Assert
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Id.Id == WarningEventId);
    }

    private static Task<DodoTestApp> StartAsync(FakeLogCollector logs, Action<IEndpointRouteBuilder> map) =>
        DodoTestApp.StartAsync(
            new DodoApiStandIn(),
            map,
            services: services =>
            {
                services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
                services.AddAuthorization(options => options.AddPolicy("Staff", policy => policy.RequireAuthenticatedUser()));
            });
}
