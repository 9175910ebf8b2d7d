using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

/// <summary>The webhook pipeline on its own, without HTTP: what a queue consumer or a replay tool calls.</summary>
public sealed class DodoWebhookProcessorTests : IAsyncDisposable
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Payment = """{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T11:59:58Z","data":{"payment_id":"pay_1","total_amount":1500}}""";

    private readonly FakeTimeProvider _clock = new(TestClock.Start);
    private readonly TimerCountingClock _timers;
    private readonly Recorder _recorder = new();
    private ServiceProvider? _services;

    public DodoWebhookProcessorTests() => _timers = new TimerCountingClock(_clock);

    [Fact]
    public async Task ProcessAsync_HandlerBlockingItsThreadPastTheClaimLease_KeepsTheClaimRenewed()
    {
        // Arrange: a handler that never awaits yet takes 40 s (past the 30 s lease) before returning a completed task,
        // and meanwhile another instance asks for the same event.
        var processor = Build(dodo => dodo.AddWebhookHandler<ThreadBlockingRecorder>());
        _recorder.WhileRunning = () =>
        {
            for (var i = 0; i < 4; i++)
            {
                _clock.Advance(TimeSpan.FromSeconds(10));   // the renewer's timer fires on this thread, every 10 s
            }

            var store = _services!.GetRequiredService<IWebhookIdempotencyStore>();
            return store.TryClaimAsync("msg_blocking", TimeSpan.FromSeconds(30), CancellationToken.None).AsTask().GetAwaiter().GetResult().Result;
        };

        // Act
        var outcome = await ProcessSignedAsync(processor, Payment, "msg_blocking");

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Processed, outcome.Kind);
        Assert.Equal([WebhookClaimResult.InProgress], _recorder.ClaimsWhileRunning);
        Assert.Equal(1, _timers.Created);
    }

    [Fact]
    public async Task ProcessAsync_AsynchronousHandlerRunningPastTheClaimLease_KeepsTheClaimRenewed()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<BlockingRecorder>());
        var first = ProcessSignedAsync(processor, Payment, "msg_slow");
        await _recorder.Started.Task;

        // Act
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10)); // 40 s in all, past the 30 s lease; renewed every 10 s
        }

        var duplicate = ProcessSignedAsync(processor, Payment, "msg_slow");
        _recorder.Gate.SetResult();

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.InProgress, (await duplicate).Kind);
        Assert.Equal(DodoWebhookOutcomeKind.Processed, (await first).Kind);
        Assert.Equal(1, _timers.Created);
        Assert.Equal(["blocking:pay_1"], _recorder.Calls);
    }

    [Fact]
    public async Task ProcessAsync_SignedEvent_RunsItsHandlersOnceAndThenAnswersDuplicate()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>());

        // Act
        var first = await ProcessSignedAsync(processor, Payment, "msg_1");
        var second = await ProcessSignedAsync(processor, Payment, "msg_1");

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Processed, first.Kind);
        Assert.True(first.IsSuccess);
        Assert.Equal("msg_1", first.WebhookId);
        Assert.Equal("payment.succeeded", first.EventType);
        Assert.Equal(1, first.HandlersRun);
        Assert.Equal(DodoWebhookOutcomeKind.Duplicate, second.Kind);
        Assert.Equal(["payment:pay_1"], _recorder.Calls);
    }

    [Fact]
    public async Task ProcessAsync_SignatureOfAnotherBody_IsRejectedWithItsReasonAndRunsNothing()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>());
        var now = _clock.GetUtcNow();
        var signature = new DodoWebhookSigner(Secret, _clock).Sign("msg_1", now, Payment);

        // Act
        var outcome = await processor.ProcessAsync(Encoding.UTF8.GetBytes(Payment.Replace("1500", "1", StringComparison.Ordinal)), "msg_1", Seconds(now), signature);

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal("NoMatchingSignature", outcome.Reason);
        Assert.Null(outcome.WebhookId);
        Assert.Empty(_recorder.Calls);
    }

    [Theory]
    [InlineData("{}", "TypeMissing")]
    [InlineData("""{"type":7,"data":{}}""", "TypeMissing")]
    [InlineData("""{"type":"payment.succeeded","data":{"total_amount":1}}""", "DataWithoutId")]
    public async Task ProcessAsync_SignedButUnusableEnvelope_IsInvalidWithItsReason(string body, string reason)
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<AuditRecorder>());

        // Act
        var outcome = await ProcessSignedAsync(processor, body, "msg_bad");

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(reason, outcome.Reason);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public async Task ProcessAsync_SecondHandlerThrows_FailsThenTheRetryRunsOnlyTheHandlerThatDidNotComplete()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>().AddWebhookHandler<AuditRecorder>());
        _recorder.AuditFailuresLeft = 1;

        // Act
        var failed = await ProcessSignedAsync(processor, Payment, "msg_retry");
        var retried = await ProcessSignedAsync(processor, Payment, "msg_retry");

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Failed, failed.Kind);
        Assert.False(failed.IsSuccess);
        Assert.IsType<InvalidOperationException>(failed.Exception);
        Assert.Equal(1, failed.HandlersRun);
        Assert.Equal(DodoWebhookOutcomeKind.Processed, retried.Kind);
        Assert.Equal(1, retried.HandlersRun);
        Assert.Equal(["payment:pay_1", "audit:payment.succeeded", "audit:payment.succeeded"], _recorder.Calls);
    }

    [Fact]
    public async Task ProcessAsync_HandlerThatCompleted_IsRecordedUnderItsStableKey()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>().AddWebhookHandler<AuditRecorder>());
        var store = _services!.GetRequiredService<IWebhookIdempotencyStore>();
        _recorder.AuditFailuresLeft = 1;
        await ProcessSignedAsync(processor, Payment, "msg_keys");

        // Act
        var claim = await store.TryClaimAsync("msg_keys", TimeSpan.FromSeconds(30), CancellationToken.None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, claim.Result);
        Assert.Equal([$"{typeof(PaymentRecorder).FullName}:payment.succeeded"], claim.CompletedHandlers.ToArray());
    }

    [Fact]
    public async Task ProcessAsync_EachHandler_RunsInItsOwnDependencyInjectionScope()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>().AddWebhookHandler<AuditRecorder>().Services.AddScoped<ScopeProbe>());

        // Act
        var outcome = await ProcessSignedAsync(processor, Payment, "msg_scopes");

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Processed, outcome.Kind);
        Assert.Equal(2, _recorder.Scopes.Count);
        Assert.Equal(2, _recorder.Scopes.Distinct().Count());
    }

    [Fact]
    public async Task ProcessAsync_UnknownType_GoesThroughTheSamePathToUnknownAndCatchAllHandlers()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<AuditRecorder>().AddWebhookHandler<UnknownRecorder>());

        // Act
        var outcome = await ProcessSignedAsync(processor, """{"type":"invoice.finalized","data":{"invoice_id":"inv_1"}}""", "msg_unknown");
        var again = await ProcessSignedAsync(processor, """{"type":"invoice.finalized","data":{"invoice_id":"inv_1"}}""", "msg_unknown");

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Processed, outcome.Kind);
        Assert.Equal(2, outcome.HandlersRun);
        Assert.Equal(DodoWebhookOutcomeKind.Duplicate, again.Kind);
        Assert.Equal(["unknown:invoice.finalized", "audit:invoice.finalized"], _recorder.Calls);
    }

    [Fact]
    public async Task ProcessAsync_StoredMessage_RunsWithoutASignatureOnce()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>());
        var message = new WebhookInboxMessage("msg_stored", "payment.succeeded", Encoding.UTF8.GetBytes(Payment), _clock.GetUtcNow(), _clock.GetUtcNow());

        // Act
        var first = await processor.ProcessAsync(message);
        var second = await processor.ProcessAsync(message);

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Processed, first.Kind);
        Assert.Equal(DodoWebhookOutcomeKind.Duplicate, second.Kind);
        Assert.Equal(["payment:pay_1"], _recorder.Calls);
    }

    [Fact]
    public async Task ProcessAsync_StoredMessageWithTooLongId_IsInvalid()
    {
        // Arrange
        var processor = Build(dodo => dodo.AddWebhookHandler<PaymentRecorder>());
        var message = new WebhookInboxMessage(new string('m', 257), "payment.succeeded", Encoding.UTF8.GetBytes(Payment), _clock.GetUtcNow(), _clock.GetUtcNow());

        // Act
        var outcome = await processor.ProcessAsync(message);

        // Assert
        Assert.Equal(DodoWebhookOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("IdTooLong", outcome.Reason);
        Assert.Empty(_recorder.Calls);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private DodoWebhookProcessor Build(Action<IDodoPaymentsBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_timers);
        services.AddSingleton(_recorder);
        configure(services.AddDodoPayments(options => options.WebhookKey = Secret));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return _services.GetRequiredService<DodoWebhookProcessor>();
    }

    private Task<DodoWebhookOutcome> ProcessSignedAsync(DodoWebhookProcessor processor, string body, string webhookId)
    {
        var now = _clock.GetUtcNow();
        var signature = new DodoWebhookSigner(Secret, _clock).Sign(webhookId, now, body);
        return processor.ProcessAsync(Encoding.UTF8.GetBytes(body), webhookId, Seconds(now), signature).AsTask();
    }

    private sealed class Recorder
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<Guid> Scopes { get; } = new();

        public int AuditFailuresLeft;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>What <see cref="ThreadBlockingRecorder"/> does on its thread before returning; what it answers is kept.</summary>
        public Func<WebhookClaimResult>? WhileRunning { get; set; }

        public ConcurrentQueue<WebhookClaimResult> ClaimsWhileRunning { get; } = new();
    }

    private sealed class ThreadBlockingRecorder(Recorder recorder) : IPaymentSucceededHandler
    {
        public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
        {
            recorder.Calls.Enqueue($"thread-blocking:{webhookEvent.Data.PaymentId}");
            if (recorder.WhileRunning is { } work)
            {
                recorder.WhileRunning = null;   // once: a second run would be the duplicate this test is about
                recorder.ClaimsWhileRunning.Enqueue(work());
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The fake clock, counting the timers created on it.</summary>
    private sealed class TimerCountingClock(FakeTimeProvider clock) : TimeProvider
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override long GetTimestamp() => clock.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _created);
            return clock.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class BlockingRecorder(Recorder recorder) : IPaymentSucceededHandler
    {
        public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
        {
            recorder.Calls.Enqueue($"blocking:{webhookEvent.Data.PaymentId}");
            recorder.Started.TrySetResult();
            await recorder.Gate.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class ScopeProbe
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    private sealed class PaymentRecorder(Recorder recorder, IServiceProvider services) : IPaymentSucceededHandler
    {
        public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
        {
            recorder.Calls.Enqueue($"payment:{webhookEvent.Data.PaymentId}");
            if (services.GetService<ScopeProbe>() is { } probe)
            {
                recorder.Scopes.Enqueue(probe.Id);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class AuditRecorder(Recorder recorder, IServiceProvider services) : IWebhookHandler<WebhookEvent>
    {
        public Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            recorder.Calls.Enqueue($"audit:{webhookEvent.Type}");
            if (services.GetService<ScopeProbe>() is { } probe)
            {
                recorder.Scopes.Enqueue(probe.Id);
            }

            return Interlocked.Decrement(ref recorder.AuditFailuresLeft) >= 0
                ? Task.FromException(new InvalidOperationException("The audit log is down."))
                : Task.CompletedTask;
        }
    }

    private sealed class UnknownRecorder(Recorder recorder) : IWebhookHandler<UnknownWebhookEvent>
    {
        public Task HandleAsync(UnknownWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            recorder.Calls.Enqueue($"unknown:{webhookEvent.Type}");
            return Task.CompletedTask;
        }
    }
}
