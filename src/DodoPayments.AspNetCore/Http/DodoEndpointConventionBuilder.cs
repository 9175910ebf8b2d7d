using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// What a <c>MapDodo*</c> returns: its group, seen only as an <see cref="IEndpointConventionBuilder"/>, so conventions
/// (<c>.RequireAuthorization()</c>, <c>.RequireRateLimiting(…)</c>, <c>.WithTags(…)</c>) reach every endpoint it mapped
/// while the group itself stays the package's (nothing else can be mapped into it), as <c>MapIdentityApi</c> does.
/// </summary>
internal sealed class DodoEndpointConventionBuilder(RouteGroupBuilder group) : IEndpointConventionBuilder
{
    private IEndpointConventionBuilder Group => group;

    public void Add(Action<EndpointBuilder> convention) => Group.Add(convention);

    public void Finally(Action<EndpointBuilder> finallyConvention) => Group.Finally(finallyConvention);
}
