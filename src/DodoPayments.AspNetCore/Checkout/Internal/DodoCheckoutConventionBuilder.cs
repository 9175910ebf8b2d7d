using Microsoft.AspNetCore.Builder;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// The builder a <c>MapDodo*Checkout</c> call returns: a convention added to it applies to each endpoint the call
/// mapped (GET and POST of <c>MapDodoCheckout</c>), so <c>.RequireAuthorization()</c> covers them all.
/// </summary>
internal sealed class DodoCheckoutConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> endpoints) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var endpoint in endpoints)
        {
            endpoint.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var endpoint in endpoints)
        {
            endpoint.Finally(finallyConvention);
        }
    }
}
