using System.Text;
using DodoPayments.AspNetCore.Diagnostics;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.Webhooks;
using DodoPayments.AspNetCore.TestSupport;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.IntegrationTests.Telemetry;

/// <summary>
/// The inbox's metrics: <c>dodo.webhook.inbox.attempts</c> per attempt; the gauges <c>dodo.webhook.inbox.backlog</c>
/// and <c>.dead</c>, the store's totals counted by the inbox processor on its cycle (at most once per
/// <see cref="DodoInstrumentation.InboxCountInterval"/>, only while a gauge is read), never by the gauges' callback;
/// and its span per attempt.
/// </summary>
public sealed class InboxTelemetryTests
{
    private const DodoWebhookInboxState Pending = DodoWebhookInboxState.Pending;
    private const DodoWebhookInboxState Dead = DodoWebhookInboxState.Dead;
    private const DodoWebhookInboxState Processed = DodoWebhookInboxState.Processed;

    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Inbox_EventProcessed_CountsAcceptedThenProcessed()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, "dodo.webhook.deliveries");
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_metric");
        await attempts.WaitForMeasurementsAsync(1, Safety);

        // Assert
        Assert.Equal("accepted", Assert.Single(deliveries.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal("processed", attempt.Tag("dodo.webhook.outcome"));
        Assert.Equal("payment.succeeded", attempt.Tag("dodo.webhook.event_type"));
    }

    [Fact]
    public async Task Inbox_HandlerFailsEveryAttempt_CountsARetryThenDeadAndTheGaugesShowItDead()
    {
        // Arrange
        await using var host = await StartAsync(options => options.Webhooks.Inbox.MaxAttempts = 2);
        var store = host.Services.GetRequiredService<InboxTestStore>();
        host.Services.GetRequiredService<HandlerLog>().FailuresLeft = int.MaxValue;
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");
        using var dead = Metrics.Collect<long>(host, "dodo.webhook.inbox.dead");
        using var durations = Metrics.Collect<double>(host, "dodo.webhook.handler.duration");

        // Act: attempt 1 fails, attempt 2 (the last) after 5 s fails too; then a count falls due.
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_dead");
        await attempts.WaitForMeasurementsAsync(1, Safety);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await attempts.WaitForMeasurementsAsync(2, Safety);
        await NextCycleAsync(host, DodoInstrumentation.InboxCountInterval);
        backlog.RecordObservableInstruments();
        dead.RecordObservableInstruments();

        // Assert
        Assert.Equal(DodoWebhookInboxState.Dead, store.Entry("msg_inbox_dead")!.State);
        Assert.Equal(["retry", "dead"], attempts.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
        Assert.Equal(0L, backlog.LastMeasurement!.Value);
        Assert.Equal(1L, dead.LastMeasurement!.Value);
        Assert.Empty(dead.LastMeasurement.Tags);
        Assert.Equal(["failure", "failure"], durations.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
    }

    [Fact]
    public async Task Replay_DeadEvent_TheNextCountShowsItNoLongerDead()
    {
        // Arrange
        await using var host = await StartAsync(options => options.Webhooks.Inbox.MaxAttempts = 1);
        host.Services.GetRequiredService<HandlerLog>().FailuresLeft = 1;
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var dead = Metrics.Collect<long>(host, "dodo.webhook.inbox.dead");
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_replay");
        await attempts.WaitForMeasurementsAsync(1, Safety);
        await NextCycleAsync(host, DodoInstrumentation.InboxCountInterval);
        dead.RecordObservableInstruments();
        var before = dead.LastMeasurement!.Value;

        // Act
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IDodoWebhookInbox>().ReplayAsync("msg_inbox_replay", CancellationToken.None));
        }

        await attempts.WaitForMeasurementsAsync(2, Safety);
        await NextCycleAsync(host, DodoInstrumentation.InboxCountInterval);
        dead.RecordObservableInstruments();

        // Assert
        Assert.Equal(["dead", "processed"], attempts.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
        Assert.Equal(1L, before);
        Assert.Equal(0L, dead.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Gauges_EventsStoredBeforeTheAppStarted_ReportTheStoredTotals()
    {
        // Arrange: a previous run left two events pending (retry due later), one dead and one processed.
        var store = await SeededStoreAsync(("msg_left_1", Pending), ("msg_left_2", Pending), ("msg_left_dead", Dead), ("msg_left_done", Processed));
        await using var host = await StartWithAsync(store);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");
        using var dead = Metrics.Collect<long>(host, "dodo.webhook.inbox.dead");

        // Act
        await NextCycleAsync(host, WebhookInboxWorker.PollInterval);
        backlog.RecordObservableInstruments();
        dead.RecordObservableInstruments();

        // Assert
        Assert.Equal(2L, backlog.LastMeasurement!.Value);
        Assert.Equal(1L, dead.LastMeasurement!.Value);
        Assert.Empty(backlog.LastMeasurement.Tags);
    }

    [Fact]
    public async Task Gauges_ReadBeforeAndAfterTheFirstCount_ReportNothingThenTheCountAndNeverCallTheStore()
    {
        // Arrange: nobody read the gauges during the processor's first cycle, so it counted nothing.
        var store = await SeededStoreAsync(("msg_left", Pending));
        await using var host = await StartWithAsync(store);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        var countsWhileUnread = store.CountCalls;
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");

        // Act
        backlog.RecordObservableInstruments();
        var beforeFirstCount = backlog.GetMeasurementSnapshot();
        await NextCycleAsync(host, WebhookInboxWorker.PollInterval);
        var countsAfterCycle = store.CountCalls;
        backlog.RecordObservableInstruments();
        backlog.RecordObservableInstruments();
        backlog.RecordObservableInstruments();

        // Assert
        Assert.Equal(0, countsWhileUnread);
        Assert.Empty(beforeFirstCount);
        Assert.Equal(1, countsAfterCycle);
        Assert.Equal([1L, 1L, 1L], backlog.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal(1, store.CountCalls);
    }

    [Fact]
    public async Task Gauges_CyclesWithinTheInterval_CountAgainOnlyOnceTheIntervalHasPassed()
    {
        // Arrange: the first count, one poll after the start.
        var store = await SeededStoreAsync(("msg_left_1", Pending));
        await using var host = await StartWithAsync(store);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");
        await NextCycleAsync(host, WebhookInboxWorker.PollInterval);
        await SeedAsync(store, "msg_left_2", Pending);

        // Act
        await NextCycleAsync(host, DodoInstrumentation.InboxCountInterval - TimeSpan.FromSeconds(1));
        var countsWithin = store.CountCalls;
        backlog.RecordObservableInstruments();
        var within = backlog.LastMeasurement!.Value;
        await NextCycleAsync(host, TimeSpan.FromSeconds(1));
        backlog.RecordObservableInstruments();

        // Assert
        Assert.Equal(1, countsWithin);
        Assert.Equal(1L, within);
        Assert.Equal(2, store.CountCalls);
        Assert.Equal(2L, backlog.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Gauges_CountFails_LogsItReportsNothingAndTheEventIsStillProcessed()
    {
        // Arrange
        var store = await SeededStoreAsync();
        store.CountFailure = new TimeoutException("The count timed out.");
        await using var host = await StartWithAsync(store);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_count_fails");
        await attempts.WaitForMeasurementsAsync(1, Safety);
        backlog.RecordObservableInstruments();

        // Assert
        Assert.Equal(1, store.CountCalls);
        Assert.IsType<TimeoutException>(Assert.Single(host.Logs.GetSnapshot(), entry => entry.Id.Id == 325).Exception);
        Assert.Equal("processed", Assert.Single(attempts.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
        Assert.Empty(backlog.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Inbox_EventProcessed_EndsOneSpanForTheDeliveryAndOneForTheAttempt()
    {
        // Arrange
        using var spans = new SpanCapture();
        await using var host = await StartAsync();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_span");
        var attempt = await spans.WaitForAsync(span =>
            (string?)span.GetTagItem("dodo.webhook.id") == "msg_inbox_span" && (string?)span.GetTagItem("dodo.webhook.outcome") == "processed");

        // Assert
        var delivery = Assert.Single(spans.OfWebhook("msg_inbox_span"), span => (string?)span.GetTagItem("dodo.webhook.outcome") == "accepted");
        Assert.Equal("dodo.webhook.process", attempt.OperationName);
        Assert.Equal("payment.succeeded", attempt.GetTagItem("dodo.webhook.event_type"));
        Assert.NotEqual(delivery.SpanId, attempt.SpanId);
    }

    [Fact]
    public async Task Inbox_AnotherInstanceTakesTheClaimOver_CountsClaimLost()
    {
        // Arrange
        await using var host = await StartBlockingAsync();
        var store = host.Services.GetRequiredService<InboxTestStore>();
        var gate = host.Services.GetRequiredService<BlockingGate>();
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_stolen");
        await gate.Entered.Task.WaitAsync(Safety);

        // Act
        store.StealClaim("msg_inbox_stolen");
        gate.Release.SetResult();
        await attempts.WaitForMeasurementsAsync(1, Safety);

        // Assert
        Assert.Equal("claim_lost", Assert.Single(attempts.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
    }

    [Fact]
    public async Task Stop_ShutdownTimeoutPassesWhileAHandlerRuns_CountsLeftPendingAndACanceledRun()
    {
        // Arrange
        var host = await StartBlockingAsync();
        await using var _ = host;
        var gate = host.Services.GetRequiredService<BlockingGate>();
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var durations = Metrics.Collect<double>(host, "dodo.webhook.handler.duration");
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_cut");
        await gate.Entered.Task.WaitAsync(Safety);
        using var shutdownTimeout = new CancellationTokenSource();

        // Act
        var stopping = host.App.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await stopping.WaitAsync(Safety);
        await attempts.WaitForMeasurementsAsync(1, Safety);

        // Assert
        Assert.Equal("left_pending", Assert.Single(attempts.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
        Assert.Equal("canceled", Assert.Single(durations.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
    }

    private static Task<DodoTestApp> StartBlockingAsync() =>
        DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<BlockingHandler>().UseWebhookInbox().Services
            .AddSingleton<BlockingGate>()
            .AddHttpContextAccessor()
            .AddInboxTestStore());

    private static Task<DodoTestApp> StartAsync(Action<DodoPaymentsOptions>? options = null) =>
        DodoTestApp.StartWebhooksAsync(
            dodo => dodo.AddWebhookHandler<PaymentHandler>().UseWebhookInbox().Services.AddSingleton<HandlerLog>().AddInboxTestStore(),
            options);

    private static Task<DodoTestApp> StartWithAsync(InboxTestStore store) =>
        DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().UseWebhookInbox().Services.AddSingleton<HandlerLog>().AddInboxTestStore(store));

    private static WebhookInboxWorker Worker(DodoTestApp host) =>
        host.Services.GetServices<IHostedService>().OfType<WebhookInboxWorker>().Single();

    /// <summary>Moves the clock by <paramref name="by"/> once the processor sleeps, which wakes it, and waits until it sleeps again.</summary>
    private static async Task NextCycleAsync(DodoTestApp host, TimeSpan by)
    {
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(by);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
    }

    /// <summary>A store as a previous run of the app left it (on a clock of its own that does not move).</summary>
    private static async Task<InboxTestStore> SeededStoreAsync(params (string WebhookId, DodoWebhookInboxState State)[] events)
    {
        var store = new InboxTestStore(new FakeTimeProvider(TestClock.Start));
        foreach (var (webhookId, state) in events)
        {
            await SeedAsync(store, webhookId, state);
        }

        return store;
    }

    /// <summary>Stores an event and takes it through its first attempt to <paramref name="state"/> (pending: a retry due in an hour), as a processor would.</summary>
    private static async Task SeedAsync(InboxTestStore store, string webhookId, DodoWebhookInboxState state)
    {
        var at = new FakeTimeProvider(TestClock.Start).GetUtcNow();
        Assert.True(await store.AddAsync(new WebhookInboxMessage(webhookId, "payment.succeeded", Encoding.UTF8.GetBytes(DodoTestApp.PaymentSucceeded()), at, at), CancellationToken.None));
        var lease = await store.ClaimNextAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(webhookId, lease!.Message.WebhookId);
        Assert.True(state == Processed
            ? await store.CompleteAsync(lease.Claim, TimeSpan.FromDays(1), CancellationToken.None)
            : await store.FailAsync(lease.Claim, "failed before the restart", state == Pending ? at.AddHours(1) : null, CancellationToken.None));
    }
}
