using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DodoPayments.AspNetCore.Tests.Http;

/// <summary>Every <c>MapDodo*</c> checks its arguments the same way, in the same order, before anything else.</summary>
public sealed class DodoEndpointMappingTests
{
    private static readonly Func<HttpContext, ValueTask<string?>> Resolver = _ => ValueTask.FromResult<string?>("id_1");

    public static TheoryData<string, string> NullPatterns => new()
    {
        { "MapDodoCheckout", "pattern" },
        { "MapDodoDynamicCheckout", "pattern" },
        { "MapDodoCustomerPortal", "pattern" },
        { "MapDodoCustomerPortal(resolver)", "pattern" },
        { "MapDodoPlanChange", "pattern" },
    };

    [Theory]
    [MemberData(nameof(NullPatterns))]
    public async Task MapDodo_NullPatternWithoutAddDodoPayments_ThrowsArgumentNullBeforeTheMissingServices(string method, string parameter)
    {
        // Arrange
        await using var app = WebApplication.CreateSlimBuilder().Build();

        // Act
        var exception = Assert.Throws<ArgumentNullException>(() => Map(app, method, pattern: null!, Resolver));

        // Assert
        Assert.Equal(parameter, exception.ParamName);
    }

    [Theory]
    [InlineData("MapDodoCustomerPortal(resolver)", "customerIdResolver")]
    [InlineData("MapDodoPlanChange", "subscriptionIdResolver")]
    public async Task MapDodo_NullResolverWithoutAddDodoPayments_ThrowsArgumentNullNamingTheResolver(string method, string parameter)
    {
        // Arrange
        await using var app = WebApplication.CreateSlimBuilder().Build();

        // Act
        var exception = Assert.Throws<ArgumentNullException>(() => Map(app, method, "/route", resolver: null!));

        // Assert
        Assert.Equal(parameter, exception.ParamName);
    }

    [Theory]
    [InlineData("MapDodoCheckout")]
    [InlineData("MapDodoPlanChange")]
    public void MapDodo_NullEndpoints_ThrowsArgumentNullNamingThem(string method)
    {
        // Act
        var exception = Assert.Throws<ArgumentNullException>(() => Map(null!, method, "/route", Resolver));

        // Assert
        Assert.Equal("endpoints", exception.ParamName);
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string method, string pattern, Func<HttpContext, ValueTask<string?>> resolver) => method switch
    {
        "MapDodoCheckout" => endpoints.MapDodoCheckout(pattern),
        "MapDodoDynamicCheckout" => endpoints.MapDodoDynamicCheckout(pattern),
        "MapDodoCustomerPortal" => endpoints.MapDodoCustomerPortal(pattern),
        "MapDodoCustomerPortal(resolver)" => endpoints.MapDodoCustomerPortal(pattern, resolver),
        "MapDodoPlanChange" => endpoints.MapDodoPlanChange(pattern, resolver),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
