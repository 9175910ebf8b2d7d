using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.CustomerPortal;

public sealed class DodoCustomerPortalEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapDodoCustomerPortal_WithoutAddDodoPayments_ThrowsSayingSo()
    {
        // Arrange
        await using var app = WebApplication.CreateSlimBuilder().Build();

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => app.MapDodoCustomerPortal());

        // Assert
        Assert.Contains("AddDodoPayments", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MapDodoCustomerPortal", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDodoCustomerPortal_NullResolver_Throws()
    {
        // Arrange
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddDodoPayments();
        await using var app = builder.Build();

        // Act, Assert
        Assert.Throws<ArgumentNullException>(() => app.MapDodoCustomerPortal("/portal", customerIdResolver: null!));
    }

    [Fact]
    public async Task MapDodoCustomerPortal_InvalidOptions_DoesNotThrowWhenMapping()
    {
        // Arrange: options that fail validation; reading them while mapping would throw here, not at start-up.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddDodoPayments(options => options.ApiTimeout = TimeSpan.Zero);
        await using var app = builder.Build();

        // Act
        var exception = Record.Exception(() =>
        {
            app.MapDodoCustomerPortal();
            app.MapDodoCustomerPortal("/portal", (HttpContext _) => ValueTask.FromResult<string?>(null));
        });

        // Assert
        Assert.Null(exception);
    }
}
