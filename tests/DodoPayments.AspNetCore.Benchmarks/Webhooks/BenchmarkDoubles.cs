using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Benchmarks.Webhooks;

/// <summary>A clock stopped at the deliveries' signing time, so every benchmark delivery stays inside the tolerance.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The benchmarks' handler: reads the typed payment (as a real handler would) and adds up its amounts.</summary>
internal sealed class CountingHandler : IPaymentSucceededHandler
{
    private static long s_total;

    /// <summary>The sum of the amounts handled so far in this process.</summary>
    public static long Total => Interlocked.Read(ref s_total);

    public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref s_total, webhookEvent.Data.TotalAmount);
        return Task.CompletedTask;
    }
}
