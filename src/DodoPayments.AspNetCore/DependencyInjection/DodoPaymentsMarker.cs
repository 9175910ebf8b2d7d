namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// Registered by <c>AddDodoPayments</c>: proves the services are there when an endpoint is mapped, remembers which
/// endpoints are mapped (start-up validation depends on them) and under which configuration path the options live.
/// </summary>
internal sealed class DodoPaymentsMarker
{
    private int _mapped;

    /// <summary>The configuration path named in validation messages, <c>DodoPayments</c> unless a section was given.</summary>
    public string ConfigurationPath { get; set; } = DodoPaymentsOptions.SectionName;

    /// <summary>The configuration sections already bound, so that a second <c>AddDodoPayments</c> call binds nothing twice.</summary>
    public HashSet<string> BoundSections { get; } = new(StringComparer.OrdinalIgnoreCase);

    public DodoPaymentsFeatures MappedFeatures => (DodoPaymentsFeatures)Volatile.Read(ref _mapped);

    public void MarkMapped(DodoPaymentsFeatures features) => Interlocked.Or(ref _mapped, (int)features);

    public bool IsMapped(DodoPaymentsFeatures features) => (MappedFeatures & features) != 0;
}
