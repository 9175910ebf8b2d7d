using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// The <see cref="IOptionsMonitor{TOptions}"/> of <see cref="DodoPaymentsOptions"/>, for the library and the app alike:
/// the first read validates and throws (so <c>ValidateOnStart</c> stops an app whose configuration cannot work), but a
/// configuration reloaded with invalid values is not taken. The last valid options stay in force, listeners are not
/// told, and the failures (messages naming the keys, never a secret's value) are logged.
/// </summary>
/// <remarks>
/// The framework's monitor drops its cached value before it builds the new one, so after an invalid reload every read
/// throws and every endpoint answers 500 until the configuration is fixed; this one builds first and swaps after.
/// </remarks>
internal sealed partial class DodoPaymentsOptionsMonitor : IOptionsMonitor<DodoPaymentsOptions>, IDisposable
{
    private readonly IOptionsFactory<DodoPaymentsOptions> _factory;
    private readonly IOptionsMonitorCache<DodoPaymentsOptions> _cache;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, DodoPaymentsOptions> _lastValid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastRejected = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _registrations = [];
    private readonly Func<DodoPaymentsOptions> _createDefault;

    public DodoPaymentsOptionsMonitor(
        IOptionsFactory<DodoPaymentsOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<DodoPaymentsOptions>> sources,
        IOptionsMonitorCache<DodoPaymentsOptions> cache,
        ILogger<DodoPaymentsOptionsMonitor> logger)
    {
        _factory = factory;
        _cache = cache;
        _logger = logger;
        _createDefault = () => Create(Options.DefaultName);
        foreach (var source in sources)
        {
            _registrations.Add(ChangeToken.OnChange(source.GetChangeToken, Reload, source.Name));
        }
    }

    private event Action<DodoPaymentsOptions, string>? Changed;

    public DodoPaymentsOptions CurrentValue => Get(Options.DefaultName);

    public DodoPaymentsOptions Get(string? name) =>
        name is null || name.Length == 0
            ? _cache.GetOrAdd(Options.DefaultName, _createDefault)
            : _cache.GetOrAdd(name, () => Create(name));

    public IDisposable OnChange(Action<DodoPaymentsOptions, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var subscription = new Subscription(this, listener);
        Changed += subscription.Invoke;
        return subscription;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
    }

    /// <summary>Builds and validates; only when the cache was emptied by hand does an invalid value fall back to the last valid one.</summary>
    private DodoPaymentsOptions Create(string name)
    {
        try
        {
            var options = _factory.Create(name);
            _lastValid[name] = options;
            return options;
        }
        catch (OptionsValidationException exception) when (_lastValid.TryGetValue(name, out var lastValid))
        {
            Reject(name, exception);
            return lastValid;
        }
    }

    private void Reload(string? name)
    {
        name ??= Options.DefaultName;
        DodoPaymentsOptions options;
        try
        {
            options = _factory.Create(name);
        }
        catch (OptionsValidationException exception)
        {
            Reject(name, exception);
            return;
        }

        _lastValid[name] = options;
        _lastRejected.TryRemove(name, out _);
        _cache.TryRemove(name);
        _cache.TryAdd(name, options);
        Changed?.Invoke(options, name);
    }

    /// <summary>
    /// Logs the validator's messages (each names its key and what is expected, never a secret's value), once per
    /// invalid configuration: one reload raises several change notifications, and a file watcher often raises two.
    /// </summary>
    private void Reject(string name, OptionsValidationException exception)
    {
        var failures = string.Join(" ", exception.Failures);
        if (_lastRejected.TryGetValue(name, out var logged) && string.Equals(logged, failures, StringComparison.Ordinal))
        {
            return;
        }

        _lastRejected[name] = failures;
        Log.ReloadRejected(_logger, failures);
    }

    private sealed class Subscription(DodoPaymentsOptionsMonitor monitor, Action<DodoPaymentsOptions, string?> listener) : IDisposable
    {
        public void Invoke(DodoPaymentsOptions options, string name) => listener(options, name);

        public void Dispose() => monitor.Changed -= Invoke;
    }

    private static partial class Log
    {
        [LoggerMessage(
            EventId = 10,
            Level = LogLevel.Error,
            Message = "The reloaded Dodo Payments configuration is invalid and was not applied; the last valid options stay in force until it is fixed: {Failures}")]
        public static partial void ReloadRejected(ILogger logger, string failures);
    }
}
