using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.AotSmoke;

/// <summary>Counts the <c>payment.succeeded</c> events it receives, so run.sh can see that a handler ran.</summary>
internal sealed class SmokePaymentHandler : IPaymentSucceededHandler
{
    private static int s_handled;

    public static int Handled => Volatile.Read(ref s_handled);

    public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (webhookEvent.Data.TotalAmount > 0)
        {
            Interlocked.Increment(ref s_handled);
        }

        return Task.CompletedTask;
    }
}
