using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// Development aid: makes the next payment or subscription webhook fail once (500), so the sender's retry with the same
/// <c>webhook-id</c> shows on the orders page: the failed attempt is listed, the retry updates the order, and a
/// delivery repeated after success is answered 200 without running the handlers again.
/// </summary>
/// <remarks>
/// The failures are kept here, in memory, not in the database: whatever the failing handler writes to
/// <see cref="ShopDb"/> is rolled back with it, which is the point.
/// </remarks>
internal sealed class WebhookFaults(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly List<WebhookLogEntry> _failures = [];
    private int _failNext;

    /// <summary>Arms one failure.</summary>
    public void FailNext() => Interlocked.Exchange(ref _failNext, 1);

    /// <summary>Throws, once after <see cref="FailNext"/>, and remembers the failed delivery.</summary>
    public void ThrowIfArmed(WebhookEvent webhookEvent)
    {
        if (Interlocked.Exchange(ref _failNext, 0) != 1)
        {
            return;
        }

        lock (_lock)
        {
            _failures.Add(WebhookLogEntry.For(webhookEvent, "failed on purpose (500)", "the sender retries with the same webhook-id", clock.GetUtcNow()));
        }

        throw new InvalidOperationException("Failing this delivery on purpose (the 'fail the next webhook' switch), so it is retried.");
    }

    /// <summary>The deliveries failed on purpose since the app started.</summary>
    public IReadOnlyList<WebhookLogEntry> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _failures];
            }
        }
    }
}
