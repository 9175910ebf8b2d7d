namespace DodoPayments.AspNetCore.TestSupport;

/// <summary>Where the tests' clocks start: <c>new FakeTimeProvider(TestClock.Start)</c> (Microsoft.Extensions.TimeProvider.Testing).</summary>
internal static class TestClock
{
    /// <summary>2026-01-15 12:00 UTC, the time the test deliveries and records are written for.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
}
