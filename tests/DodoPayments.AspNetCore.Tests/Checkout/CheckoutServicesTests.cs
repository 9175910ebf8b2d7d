using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Checkout.Internal;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.Checkout;

public sealed class CheckoutServicesTests
{
    [Fact]
    public void AddDodoPayments_CalledTwice_InsertsCheckoutJsonContextOnceAndFirst()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddDodoPayments();
        services.AddDodoPayments();

        // Act
        using var provider = services.BuildServiceProvider();
        var chain = provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.TypeInfoResolverChain;

        // Assert
        Assert.Same(DodoCheckoutJsonContext.Default, chain[0]);
        Assert.Single(chain, resolver => ReferenceEquals(resolver, DodoCheckoutJsonContext.Default));
    }

    [Fact]
    public void AddDodoPayments_AppValidatorRegisteredFirst_KeepsTheAppsValidator()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSingleton<IValidator<CheckoutSessionRequest>, LenientValidator>();
        services.AddDodoPayments();

        // Act
        using var provider = services.BuildServiceProvider();

        // Assert
        Assert.IsType<LenientValidator>(provider.GetRequiredService<IValidator<CheckoutSessionRequest>>());
        Assert.IsType<DynamicCheckoutRequestValidator>(provider.GetRequiredService<IValidator<DynamicCheckoutRequest>>());
    }

    private sealed class LenientValidator : AbstractValidator<CheckoutSessionRequest>;
}
