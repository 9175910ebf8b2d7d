using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.PlanChange;

public sealed class DodoPlanChangeEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapDodoPlanChange_WithoutAddDodoPayments_ThrowsSayingSo()
    {
        // Arrange
        await using var app = WebApplication.CreateSlimBuilder().Build();

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => app.MapDodoPlanChange("/plan", _ => ValueTask.FromResult<string?>(null)));

        // Assert
        Assert.Contains("MapDodoPlanChange", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDodoPlanChange_NullResolver_Throws()
    {
        // Arrange
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddDodoPayments();
        await using var app = builder.Build();

        // Act, Assert
        Assert.Throws<ArgumentNullException>(() => app.MapDodoPlanChange("/plan", subscriptionIdResolver: null!));
    }

    [Fact]
    public async Task MapDodoPlanChange_InvalidOptions_DoesNotThrowWhenMapping()
    {
        // Arrange: options that fail validation; reading them while mapping would throw here, not at start-up.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddDodoPayments(options => options.ApiTimeout = TimeSpan.Zero);
        await using var app = builder.Build();

        // Act
        var exception = Record.Exception(() => app.MapDodoPlanChange("/plan", (HttpContext _) => ValueTask.FromResult<string?>(null)));

        // Assert
        Assert.Null(exception);
    }
}
