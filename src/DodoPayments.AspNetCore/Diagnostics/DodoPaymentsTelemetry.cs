namespace DodoPayments.AspNetCore;

/// <summary>
/// The names under which the package publishes its metrics and traces, for an OpenTelemetry (or any
/// <c>System.Diagnostics</c>) listener to subscribe to.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddOpenTelemetry()
///     .WithMetrics(metrics =&gt; metrics.AddMeter(DodoPaymentsTelemetry.MeterName))
///     .WithTracing(tracing =&gt; tracing.AddSource(DodoPaymentsTelemetry.ActivitySourceName));
/// </code>
/// </example>
public static class DodoPaymentsTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> of the package: webhook deliveries, handler durations, the
    /// inbox, Dodo API calls and endpoint requests. Created through the app's <c>IMeterFactory</c>.
    /// </summary>
    public const string MeterName = "DodoPayments.AspNetCore";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the package: a span per Dodo API call and per webhook processed.</summary>
    public const string ActivitySourceName = "DodoPayments.AspNetCore";
}
