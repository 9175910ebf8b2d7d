using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// <c>UseWebhookInbox()</c>: the endpoint stores the verified event and answers 200; the background processor runs the
/// handlers with retries and backoff (driven by the fake clock), dead events can be replayed.
/// </summary>
public sealed class WebhookInboxTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Post_InboxMode_Answers200AndTheProcessorHandlesTheEventOnce()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>());
        var (store, log) = Parts(host);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_inbox"), "msg_inbox");
        await store.WaitUntilAsync(s => s.Entry("msg_inbox")?.State == DodoWebhookInboxState.Processed);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["payment:pay_inbox"], log.Calls);
        var entry = store.Entry("msg_inbox")!;
        Assert.Equal("payment.succeeded", entry.Type);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(host.Clock.GetUtcNow(), entry.ProcessedAt);
        Assert.Contains(host.Logs.GetSnapshot(), logged => logged.Id.Id == 320);
        Assert.Contains(host.Logs.GetSnapshot(), logged => logged.Id.Id == 322);
    }

    [Fact]
    public async Task Post_RedeliveryOfAnIdInTheInbox_Answers200AndAddsNothing()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>());
        var (store, log) = Parts(host);
        var body = DodoTestApp.PaymentSucceeded("pay_twice");
        using var first = await host.PostSignedAsync(body, "msg_twice");
        await store.WaitUntilAsync(s => s.Entry("msg_twice")?.State == DodoWebhookInboxState.Processed);

        // Act
        using var second = await host.PostSignedAsync(body, "msg_twice");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, store.AddCalls);
        Assert.Equal(1, store.Added);
        Assert.Equal(["payment:pay_twice"], log.Calls);
        Assert.Contains(host.Logs.GetSnapshot(), logged => logged.Id.Id == 321);
    }

    [Fact]
    public async Task Post_InboxModeUnreadableEvent_Answers400AndStoresNothing()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>());
        var (store, _) = Parts(host);

        // Act
        using var response = await host.PostSignedAsync("""{"business_id":"bus_1","data":{"payment_id":"pay_1"}}""", "msg_untyped");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, store.AddCalls);
    }

    [Fact]
    public async Task Processor_HandlerFailsOnce_RetriesAfterTheFirstRetryDelayAndProcesses()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>());
        var (store, log) = Parts(host);
        log.FailuresLeft = 1;
        var receivedAt = host.Clock.GetUtcNow();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_retry"), "msg_retry");
        await store.WaitUntilAsync(s => s.Entry("msg_retry") is { Attempts: 1, LastError: not null } && !s.IsClaimed("msg_retry"));
        var afterFailure = store.Entry("msg_retry")!;
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(TimeSpan.FromSeconds(4));
        var beforeDue = store.Entry("msg_retry")!;
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await store.WaitUntilAsync(s => s.Entry("msg_retry")?.State == DodoWebhookInboxState.Processed);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DodoWebhookInboxState.Pending, afterFailure.State);
        Assert.Equal(receivedAt + TimeSpan.FromSeconds(5), afterFailure.NextAttemptAt);
        Assert.Equal("System.InvalidOperationException: The order store is down.", afterFailure.LastError);
        Assert.Equal(1, beforeDue.Attempts);
        Assert.Equal(2, store.Entry("msg_retry")!.Attempts);
        Assert.Equal(["payment:pay_retry", "payment:pay_retry"], log.Calls);
        Assert.Contains(host.Logs.GetSnapshot(), logged => logged.Id.Id == 323);
    }

    [Fact]
    public async Task Processor_HandlerFailsEveryAttempt_IsDeadAfterMaxAttemptsWithTheLastError()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>(), options => options.Webhooks.Inbox.MaxAttempts = 3);
        var (store, log) = Parts(host);
        log.FailuresLeft = int.MaxValue;

        // Act: attempt 1 fails, attempt 2 after 5 s, attempt 3 after 10 s more.
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_dead"), "msg_dead");
        await store.WaitUntilAsync(s => s.Entry("msg_dead") is { Attempts: 1, LastError: not null } && !s.IsClaimed("msg_dead"));
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await store.WaitUntilAsync(s => s.Entry("msg_dead") is { Attempts: 2 } && !s.IsClaimed("msg_dead"));
        var secondFailure = store.Entry("msg_dead")!;
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await store.WaitUntilAsync(s => s.Entry("msg_dead")?.State == DodoWebhookInboxState.Dead);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);   // the worker logs 324 after the store records the death

        // Assert
        Assert.Equal(host.Clock.GetUtcNow(), secondFailure.NextAttemptAt);
        var dead = store.Entry("msg_dead")!;
        Assert.Equal(3, dead.Attempts);
        Assert.Null(dead.NextAttemptAt);
        Assert.Equal("System.InvalidOperationException: The order store is down.", dead.LastError);
        Assert.DoesNotContain("   at ", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(3, log.Calls.Count);
        Assert.Contains(host.Logs.GetSnapshot(), logged => logged.Id.Id == 324);
    }

    [Fact]
    public async Task Replay_DeadEvent_RunsOnlyTheHandlersThatDidNotComplete()
    {
        // Arrange
        await using var host = await StartAsync(
            dodo => dodo.AddWebhookHandler<PaymentHandler>().AddWebhookHandler<FailingAuditHandler>(),
            options => options.Webhooks.Inbox.MaxAttempts = 1);
        var (store, log) = Parts(host);
        log.AuditFailuresLeft = 1;
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_replay"), "msg_replay");
        await store.WaitUntilAsync(s => s.Entry("msg_replay")?.State == DodoWebhookInboxState.Dead);

        // Act
        bool replayed;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            replayed = await scope.ServiceProvider.GetRequiredService<IDodoWebhookInbox>().ReplayAsync("msg_replay", CancellationToken.None);
        }

        await store.WaitUntilAsync(s => s.Entry("msg_replay")?.State == DodoWebhookInboxState.Processed);

        // Assert
        Assert.True(replayed);
        Assert.Equal(["payment:pay_replay", "audit:payment.succeeded", "audit:payment.succeeded"], log.Calls);
        Assert.Equal(1, store.Entry("msg_replay")!.Attempts);
    }

    [Fact]
    public async Task Replay_ProcessedEvent_RunsEveryHandlerAgain()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().AddWebhookHandler<AuditHandler>());
        var (store, log) = Parts(host);
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_again"), "msg_again");
        await store.WaitUntilAsync(s => s.Entry("msg_again")?.State == DodoWebhookInboxState.Processed);

        // Act
        bool replayed;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            replayed = await scope.ServiceProvider.GetRequiredService<IDodoWebhookInbox>().ReplayAsync("msg_again", CancellationToken.None);
        }

        await store.WaitUntilAsync(s => s.Entry("msg_again") is { State: DodoWebhookInboxState.Processed, Attempts: 1 } && log.Calls.Count == 4);

        // Assert
        Assert.True(replayed);
        Assert.Equal(["payment:pay_again", "audit:payment.succeeded", "payment:pay_again", "audit:payment.succeeded"], log.Calls);
    }

    [Fact]
    public async Task Inbox_FindListAndReplayOfAnUnknownId_AnswerFromTheStore()
    {
        // Arrange
        await using var host = await StartAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>());
        var (store, _) = Parts(host);
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_list"), "msg_list");
        await store.WaitUntilAsync(s => s.Entry("msg_list")?.State == DodoWebhookInboxState.Processed);
        await using var scope = host.App.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<IDodoWebhookInbox>();

        // Act
        var found = await inbox.FindAsync("msg_list", CancellationToken.None);
        var processed = await inbox.ListAsync(DodoWebhookInboxState.Processed);
        var dead = await inbox.ListAsync(DodoWebhookInboxState.Dead);
        var unknown = await inbox.ReplayAsync("msg_nobody_sent", CancellationToken.None);

        // Assert
        Assert.Equal(DodoWebhookInboxState.Processed, found?.State);
        Assert.Equal("msg_list", Assert.Single(processed).WebhookId);
        Assert.Empty(dead);
        Assert.False(unknown);
    }

    [Fact]
    public async Task Stop_WhileAnInboxHandlerRuns_LetsItFinishAndRecordsIt()
    {
        // Arrange
        var host = await StartAsync(dodo => dodo.AddWebhookHandler<BlockingHandler>().Services.AddSingleton<BlockingGate>().AddHttpContextAccessor());
        await using var _ = host;
        var store = host.App.Services.GetRequiredService<InboxTestStore>();
        var gate = host.App.Services.GetRequiredService<BlockingGate>();
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_stop"), "msg_stop");
        var handlerToken = await gate.Entered.Task.WaitAsync(Safety);

        // Act
        var stopping = host.App.StopAsync();
        await host.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.WaitHandle.WaitOneAsync();
        var cancelledByStopping = handlerToken.IsCancellationRequested;
        gate.Release.SetResult();
        await stopping.WaitAsync(Safety);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(cancelledByStopping);
        Assert.True(await gate.Finished.Task);
        Assert.Equal(DodoWebhookInboxState.Processed, store.Entry("msg_stop")?.State);
    }

    [Fact]
    public async Task Stop_ShutdownTimeoutPassesWhileAnInboxHandlerRuns_CancelsItAndLeavesTheEventPending()
    {
        // Arrange
        var host = await StartAsync(dodo => dodo.AddWebhookHandler<BlockingHandler>().Services.AddSingleton<BlockingGate>().AddHttpContextAccessor());
        await using var _ = host;
        var store = host.App.Services.GetRequiredService<InboxTestStore>();
        var gate = host.App.Services.GetRequiredService<BlockingGate>();
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_cut"), "msg_cut");
        await gate.Entered.Task.WaitAsync(Safety);
        using var shutdownTimeout = new CancellationTokenSource();

        // Act
        var stopping = host.App.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await stopping.WaitAsync(Safety);
        await store.WaitUntilAsync(s => !s.IsClaimed("msg_cut") && s.Entry("msg_cut")?.LastError is not null);

        // Assert
        Assert.False(await gate.Finished.Task);
        var entry = store.Entry("msg_cut")!;
        Assert.Equal(DodoWebhookInboxState.Pending, entry.State);
        Assert.Equal(host.Clock.GetUtcNow(), entry.NextAttemptAt);
        Assert.Contains(host.Logs.GetSnapshot(), logged => logged.Id.Id == 327);
    }

    [Fact]
    public async Task StartUp_InboxWithTheInMemoryStore_IsRefusedSayingWhatItNeeds()
    {
        // Arrange, Act
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DodoTestApp.StartWebhooksAsync(dodo => dodo.UseWebhookInbox()));

        // Assert
        Assert.StartsWith("UseWebhookInbox() needs a durable webhook store, e.g. AddEntityFrameworkWebhookStore<TContext>()", exception.Message, StringComparison.Ordinal);
        Assert.Contains("IWebhookInboxStore", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_InboxStoreButInMemoryIdempotencyStore_IsRefusedNamingIt()
    {
        // Arrange, Act
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DodoTestApp.StartWebhooksAsync(dodo => dodo.UseWebhookInbox().Services
            .AddSingleton<IWebhookInboxStore>(provider => new InboxTestStore(provider.GetRequiredService<TimeProvider>()))));

        // Assert
        Assert.StartsWith("UseWebhookInbox() needs a durable webhook store", exception.Message, StringComparison.Ordinal);
        Assert.Contains("InMemoryWebhookIdempotencyStore", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextAttemptAt_EachFailure_DoublesFromTheFirstDelayUpToOneHour()
    {
        // Arrange
        var failedAt = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var first = TimeSpan.FromSeconds(5);

        // Act
        var delays = Enumerable.Range(1, 12).Select(attempt => WebhookInboxWorker.NextAttemptAt(failedAt, attempt, first) - failedAt).ToArray();

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(10), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(20), delays[2]);
        Assert.Equal(TimeSpan.FromSeconds(5 * 512), delays[9]);
        Assert.Equal(TimeSpan.FromHours(1), delays[10]);
        Assert.Equal(TimeSpan.FromHours(1), WebhookInboxWorker.NextAttemptAt(failedAt, int.MaxValue, first) - failedAt);
    }

    private static Task<DodoTestApp> StartAsync(Action<IDodoPaymentsBuilder> configure, Action<DodoPaymentsOptions>? options = null) =>
        DodoTestApp.StartWebhooksAsync(
            dodo =>
            {
                configure(dodo.UseWebhookInbox());
                dodo.Services.AddSingleton<HandlerLog>().AddInboxTestStore();
            },
            options);

    private static (InboxTestStore Store, HandlerLog Log) Parts(DodoTestApp host) =>
        (host.App.Services.GetRequiredService<InboxTestStore>(), host.App.Services.GetRequiredService<HandlerLog>());

    private static WebhookInboxWorker Worker(DodoTestApp host) =>
        host.App.Services.GetServices<IHostedService>().OfType<WebhookInboxWorker>().Single();
}

/// <summary>Awaits a <see cref="WaitHandle"/> without blocking a thread.</summary>
internal static class WaitHandleExtensions
{
    public static Task WaitOneAsync(this WaitHandle handle)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.RegisterWaitForSingleObject(handle, (_, _) => done.TrySetResult(), null, TimeSpan.FromSeconds(30), executeOnlyOnce: true);
        return done.Task;
    }
}
