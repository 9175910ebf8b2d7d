using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>Counts the payments handled, so the script can check every delivery ran its handler once.</summary>
internal sealed class CountingHandler : IPaymentSucceededHandler
{
    private static long s_count;

    public static long Count => Interlocked.Read(ref s_count);

    public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref s_count);
        return Task.CompletedTask;
    }
}
