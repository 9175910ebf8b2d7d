using System.Collections.Concurrent;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>What the test handlers saw, shared through DI as a singleton.</summary>
internal sealed class HandlerLog
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<WebhookEvent> Events { get; } = new();

    public int FailuresLeft;

    public int AuditFailuresLeft;

    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    /// <summary>Completes when a handler has started (recorded its call), so a test waits for it without polling.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan AdvanceClockBy { get; set; }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

/// <summary>A payment handler that records, can wait on a gate, fail a number of times, or move the clock.</summary>
internal sealed class PaymentHandler(HandlerLog log, TimeProvider clock) : IPaymentSucceededHandler, ISubscriptionActiveHandler
{
    public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue($"payment:{webhookEvent.Data.PaymentId}");
        log.Events.Enqueue(webhookEvent);
        log.Started.TrySetResult();
        await log.Gate.Task.WaitAsync(cancellationToken);
        if (log.AdvanceClockBy > TimeSpan.Zero && clock is FakeTimeProvider fake)
        {
            fake.Advance(log.AdvanceClockBy);
        }

        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("The order store is down.");
        }
    }

    public Task HandleAsync(SubscriptionActiveEvent webhookEvent, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue($"subscription:{webhookEvent.Data.SubscriptionId}");
        return Task.CompletedTask;
    }
}

/// <summary>A catch-all handler.</summary>
internal sealed class AuditHandler(HandlerLog log) : IWebhookHandler<WebhookEvent>
{
    public Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue($"audit:{webhookEvent.Type}");
        log.Events.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}

/// <summary>A handler registered through the generic interface.</summary>
internal sealed class GenericPaymentHandler(HandlerLog log) : IWebhookHandler<PaymentSucceededEvent>
{
    public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue("generic-payment");
        return Task.CompletedTask;
    }
}

/// <summary>A handler of unknown types only.</summary>
internal sealed class UnknownHandler(HandlerLog log) : IWebhookHandler<UnknownWebhookEvent>
{
    public Task HandleAsync(UnknownWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue($"unknown:{webhookEvent.Type}");
        log.Events.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}

/// <summary>Not a handler at all.</summary>
internal sealed class NotAHandler;

/// <summary>What <see cref="BlockingHandler"/> saw, shared through DI as a singleton.</summary>
internal sealed class BlockingGate
{
    private int _runs;

    /// <summary>Set with the handler's token once it runs (each run sets it; the first wins).</summary>
    public TaskCompletionSource<CancellationToken> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set with the request's abort token, so a test can wait until the server has seen the caller go.</summary>
    public TaskCompletionSource<CancellationToken> RequestAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The handler waits for this (honouring its token) before it completes.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a run ended: true when it completed, false when its token was cancelled.</summary>
    public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs => Volatile.Read(ref _runs);

    public void CountRun() => Interlocked.Increment(ref _runs);
}

/// <summary>A payment handler that blocks until released, honouring its token as a well-behaved handler does.</summary>
internal sealed class BlockingHandler(BlockingGate gate, Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : IPaymentSucceededHandler
{
    public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        gate.CountRun();
        if (accessor.HttpContext?.RequestAborted is { } aborted)
        {
            aborted.Register(() => gate.RequestAborted.TrySetResult(aborted));
        }

        gate.Entered.TrySetResult(cancellationToken);
        try
        {
            await gate.Release.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            gate.Finished.TrySetResult(false);
            throw;
        }

        gate.Finished.TrySetResult(true);
    }
}

/// <summary>A catch-all handler that fails while <see cref="HandlerLog.AuditFailuresLeft"/> is positive.</summary>
internal sealed class FailingAuditHandler(HandlerLog log) : IWebhookHandler<WebhookEvent>
{
    public Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        log.Calls.Enqueue($"audit:{webhookEvent.Type}");
        return Interlocked.Decrement(ref log.AuditFailuresLeft) >= 0
            ? Task.FromException(new InvalidOperationException("The audit log is down."))
            : Task.CompletedTask;
    }
}
