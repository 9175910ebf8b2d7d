using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>
/// With <c>--Load:RecordRuns true</c>: records each run in <c>handler_runs</c> through the app's <see cref="LoadDb"/>,
/// so the run commits with the handler's completion record (the multi-instance tests count runs per webhook-id with SQL).
/// With <c>--Load:BlockHandlers true</c> it then writes <c>handler-started {webhook-id}</c> to stdout and waits until
/// cancelled, so a test can kill the process while the handler's transaction is open.
/// </summary>
internal sealed class RecordingHandler(LoadDb db, IConfiguration configuration) : IPaymentSucceededHandler
{
    public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        db.HandlerRuns.Add(new HandlerRun { WebhookId = webhookEvent.Id, ProcessId = Environment.ProcessId });
        await db.SaveChangesAsync(cancellationToken);
        if (configuration.GetValue<bool>("Load:BlockHandlers"))
        {
            Console.Out.WriteLine($"handler-started {webhookEvent.Id}");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
