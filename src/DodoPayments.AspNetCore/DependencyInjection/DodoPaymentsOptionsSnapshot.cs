using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// The <see cref="IOptionsSnapshot{TOptions}"/> of <see cref="DodoPaymentsOptions"/>: what <see cref="DodoPaymentsOptionsMonitor"/>
/// holds when the scope first asks, so an app reading the options per request never sees a rejected reload either.
/// </summary>
internal sealed class DodoPaymentsOptionsSnapshot(IOptionsMonitor<DodoPaymentsOptions> monitor) : IOptionsSnapshot<DodoPaymentsOptions>
{
    private readonly Dictionary<string, DodoPaymentsOptions> _read = new(StringComparer.Ordinal);

    public DodoPaymentsOptions Value => Get(Options.DefaultName);

    public DodoPaymentsOptions Get(string? name)
    {
        name ??= Options.DefaultName;
        lock (_read)
        {
            if (!_read.TryGetValue(name, out var options))
            {
                options = monitor.Get(name);
                _read[name] = options;
            }

            return options;
        }
    }
}
