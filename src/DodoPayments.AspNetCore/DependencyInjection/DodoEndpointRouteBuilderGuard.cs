using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>The check every <c>MapDodo*</c> method makes first.</summary>
internal static class DodoEndpointRouteBuilderGuard
{
    /// <summary>
    /// Records that <paramref name="feature"/> is mapped, so start-up validation asks for what it needs, or throws
    /// when <c>AddDodoPayments</c> was not called.
    /// </summary>
    /// <remarks>
    /// Mapping must not read <see cref="DodoPaymentsOptions"/>: options read before the host starts would be validated
    /// before every endpoint is mapped. Endpoints read <c>IOptionsMonitor.CurrentValue</c> per request.
    /// </remarks>
    public static DodoPaymentsMarker MarkDodoFeatureMapped(this IEndpointRouteBuilder endpoints, DodoPaymentsFeatures feature, string methodName)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var marker = endpoints.ServiceProvider.GetService<DodoPaymentsMarker>()
            ?? throw new InvalidOperationException(
                $"{methodName} needs the Dodo Payments services, which are not registered. " +
                "Call builder.Services.AddDodoPayments() in Program.cs before building the app.");
        marker.MarkMapped(feature);
        return marker;
    }
}
