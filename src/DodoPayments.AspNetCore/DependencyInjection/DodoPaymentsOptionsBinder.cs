using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// Binds a configuration section to <see cref="DodoPaymentsOptions"/> with the configuration-binding source generator
/// (<c>EnableConfigurationBindingGenerator</c>: generated code, no reflection, so the library stays AOT-compatible), so
/// a new option is a property and its validator rule, and nothing here. Around the generated binder, three things are
/// ours: a value is trimmed and an empty one left out, so it counts as absent and the <c>DODO_PAYMENTS_*</c> fallback
/// applies (the generator's own handling of empty values differs by type and between versions); <c>Environment</c>
/// also takes Dodo's spelling (<c>test_mode</c>); and a value that cannot be read is recorded for start-up validation,
/// naming its key, instead of thrown (the generator throws at the first one and leaves the rest unbound).
/// </summary>
internal static partial class DodoPaymentsOptionsBinder
{
    public static void Bind(IConfiguration section, DodoPaymentsOptions options, string path)
    {
        // Binding the same section again would add its lists' entries a second time.
        if (!options.BoundSections.Add(path))
        {
            return;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value.Trim();
            }
        }

        if (values.Remove(nameof(DodoPaymentsOptions.Environment), out var environment))
        {
            if (TryParseEnvironment(environment!, out var parsed))
            {
                options.Environment = parsed;
            }
            else
            {
                options.BindingErrors.Add($"{path}:Environment must be test_mode or live_mode, not '{environment}'.");
            }
        }

        // Each value alone first, so every one that cannot be read is named, and the rest still bind.
        foreach (var (key, value) in values.ToArray())
        {
            try
            {
                Configuration(key, value).Bind(new DodoPaymentsOptions());
            }
            catch (InvalidOperationException exception)
            {
                values.Remove(key);
                options.BindingErrors.Add($"{path}:{key} must be {Expected(exception)}, not '{value}'.");
            }
        }

        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options);
    }

    /// <summary>Reads <c>test_mode</c>, <c>live_mode</c>, <c>TestMode</c> or <c>LiveMode</c>, in any case.</summary>
    public static bool TryParseEnvironment(string value, out DodoPaymentsEnvironment environment)
    {
        var compact = value.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (compact.Equals("testmode", StringComparison.OrdinalIgnoreCase))
        {
            environment = DodoPaymentsEnvironment.TestMode;
            return true;
        }

        if (compact.Equals("livemode", StringComparison.OrdinalIgnoreCase))
        {
            environment = DodoPaymentsEnvironment.LiveMode;
            return true;
        }

        environment = default;
        return false;
    }

    private static IConfiguration Configuration(string key, string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]).Build();

    /// <summary>
    /// What the option takes, from the type the binder names ("Failed to convert configuration value … to type
    /// 'System.TimeSpan'."): the binder's exception carries no type of its own to read it from.
    /// </summary>
    private static string Expected(InvalidOperationException exception) => TargetType().Match(exception.Message).Groups[1].Value switch
    {
        "System.TimeSpan" => "a time span such as 00:00:30",
        "System.Boolean" => "true or false",
        "System.Int64" => "a whole number",
        "System.Int32" => $"a whole number no larger than {int.MaxValue}",
        _ => "a value of the option's type",
    };

    [GeneratedRegex("to type '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex TargetType();
}
