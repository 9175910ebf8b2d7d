using System.Globalization;
using System.Runtime;

namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>
/// The process's runtime counters, read in process (dotnet-counters is not needed): collections per generation, the
/// total GC pause, the longest pause of the last collections, lock contentions, bytes allocated and the thread pool.
/// The load script reads them before and after each measured run and prints the difference.
/// </summary>
internal static class RuntimeStats
{
    /// <summary>One line of <c>name=value</c> pairs; durations in milliseconds, sizes in bytes.</summary>
    public static string Read()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var longestPause = TimeSpan.Zero;
        foreach (var pause in info.PauseDurations)
        {
            longestPause = pause > longestPause ? pause : longestPause;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} " +
            $"gc_pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:F1} last_gc_pause_ms={longestPause.TotalMilliseconds:F1} " +
            $"lock_contentions={Monitor.LockContentionCount} allocated={GC.GetTotalAllocatedBytes()} " +
            $"heap={GC.GetTotalMemory(forceFullCollection: false)} threads={ThreadPool.ThreadCount} " +
            $"server_gc={GCSettings.IsServerGC}");
    }
}
