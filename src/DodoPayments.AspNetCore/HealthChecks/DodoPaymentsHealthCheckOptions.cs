namespace DodoPayments.AspNetCore.HealthChecks;

/// <summary>
/// Thresholds and timeout of the Dodo Payments health check (<c>AddHealthChecks().AddDodoPayments()</c>), bound from
/// <c>DodoPayments:HealthChecks</c>; the registration's callback sets them in code (its values win). A count above a
/// Degraded threshold reports <c>Degraded</c>, above an Unhealthy threshold the registration's failure status
/// (<c>Unhealthy</c> unless set). Counts are read up to the Unhealthy threshold + 1, never further.
/// </summary>
public sealed class DodoPaymentsHealthCheckOptions
{
    /// <summary>The largest threshold accepted: a probe reads at most this many + 1 rows per count.</summary>
    public const int MaxThreshold = 1_000_000;

    /// <summary>
    /// Inbox mode: more pending events (waiting, retrying or running) than this reports Degraded. Default 100: a
    /// processor that keeps up holds a few.
    /// </summary>
    public int InboxBacklogDegradedThreshold { get; set; } = 100;

    /// <summary>Inbox mode: more pending events than this reports Unhealthy. Default 1000.</summary>
    public int InboxBacklogUnhealthyThreshold { get; set; } = 1000;

    /// <summary>
    /// Inbox mode: more dead events than this reports Degraded. Default 0: one dead event needs someone to fix its cause
    /// and replay it (dead events stay until replayed).
    /// </summary>
    public int DeadEventsDegradedThreshold { get; set; }

    /// <summary>Inbox mode: more dead events than this reports Unhealthy. Default 100.</summary>
    public int DeadEventsUnhealthyThreshold { get; set; } = 100;

    /// <summary>
    /// How long the webhook store has to answer the probe (and the inbox counts) before the check reports it
    /// unreachable. Default 5 seconds.
    /// </summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
