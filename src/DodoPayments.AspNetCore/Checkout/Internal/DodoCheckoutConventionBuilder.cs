using Microsoft.AspNetCore.Builder;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// Wraps the checkout route group, as <c>MapIdentityApi</c> does, so callers can add conventions to the endpoints but
/// cannot map their own into the group.
/// </summary>
internal sealed class DodoCheckoutConventionBuilder(IEndpointConventionBuilder inner) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention) => inner.Add(convention);

    public void Finally(Action<EndpointBuilder> finallyConvention) => inner.Finally(finallyConvention);
}
