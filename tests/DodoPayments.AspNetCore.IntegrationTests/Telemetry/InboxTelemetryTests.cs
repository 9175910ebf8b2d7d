using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.Webhooks;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.IntegrationTests.Telemetry;

/// <summary>
/// The inbox's metrics (<c>dodo.webhook.inbox.attempts</c>, <c>.backlog</c>, <c>.dead</c>, kept from the state
/// transitions this instance sees, never read from the database by a callback) and its span per attempt.
/// </summary>
public sealed class InboxTelemetryTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Inbox_EventProcessed_CountsAcceptedThenProcessedAndTheBacklogReturnsToZero()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, "dodo.webhook.deliveries");
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_metric");
        await attempts.WaitForMeasurementsAsync(1, Safety);

        // Assert
        Assert.Equal("accepted", Assert.Single(deliveries.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal("processed", attempt.Tag("dodo.webhook.outcome"));
        Assert.Equal("payment.succeeded", attempt.Tag("dodo.webhook.event_type"));
        Assert.Equal([1L, -1L], backlog.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(backlog.GetMeasurementSnapshot(), m => Assert.Equal("payment.succeeded", m.Tag("dodo.webhook.event_type")));
    }

    [Fact]
    public async Task Inbox_HandlerFailsEveryAttempt_CountsARetryThenDeadAndMovesTheEventFromBacklogToDead()
    {
        // Arrange
        await using var host = await StartAsync(options => options.Webhooks.Inbox.MaxAttempts = 2);
        var store = host.Services.GetRequiredService<InboxTestStore>();
        host.Services.GetRequiredService<HandlerLog>().FailuresLeft = int.MaxValue;
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");
        using var dead = Metrics.Collect<long>(host, "dodo.webhook.inbox.dead");
        using var durations = Metrics.Collect<double>(host, "dodo.webhook.handler.duration");

        // Act: attempt 1 fails, attempt 2 (the last) after 5 s fails too.
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_dead");
        await attempts.WaitForMeasurementsAsync(1, Safety);
        await Worker(host).WhenIdleAsync().WaitAsync(Safety);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await attempts.WaitForMeasurementsAsync(2, Safety);

        // Assert
        Assert.Equal(DodoWebhookInboxState.Dead, store.Entry("msg_inbox_dead")!.State);
        Assert.Equal(["retry", "dead"], attempts.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
        Assert.Equal([1L, -1L], backlog.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal(1L, Assert.Single(dead.GetMeasurementSnapshot()).Value);
        Assert.Equal(["failure", "failure"], durations.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
    }

    [Fact]
    public async Task Replay_DeadEvent_MovesItFromDeadBackToTheBacklogUntilProcessed()
    {
        // Arrange
        await using var host = await StartAsync(options => options.Webhooks.Inbox.MaxAttempts = 1);
        var log = host.Services.GetRequiredService<HandlerLog>();
        log.FailuresLeft = 1;
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");
        using var dead = Metrics.Collect<long>(host, "dodo.webhook.inbox.dead");
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_replay");
        await attempts.WaitForMeasurementsAsync(1, Safety);

        // Act
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IDodoWebhookInbox>().ReplayAsync("msg_inbox_replay", CancellationToken.None));
        }

        await attempts.WaitForMeasurementsAsync(2, Safety);

        // Assert
        Assert.Equal(["dead", "processed"], attempts.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
        Assert.Equal([1L, -1L], dead.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal([1L, -1L, 1L, -1L], backlog.GetMeasurementSnapshot().Select(m => m.Value));
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
    public async Task Inbox_AnotherInstanceTakesTheClaimOver_CountsClaimLostAndKeepsTheBacklog()
    {
        // Arrange
        await using var host = await StartBlockingAsync();
        var store = host.Services.GetRequiredService<InboxTestStore>();
        var gate = host.Services.GetRequiredService<BlockingGate>();
        using var attempts = Metrics.Collect<long>(host, "dodo.webhook.inbox.attempts");
        using var backlog = Metrics.Collect<long>(host, "dodo.webhook.inbox.backlog");
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_inbox_stolen");
        await gate.Entered.Task.WaitAsync(Safety);

        // Act
        store.StealClaim("msg_inbox_stolen");
        gate.Release.SetResult();
        await attempts.WaitForMeasurementsAsync(1, Safety);

        // Assert
        Assert.Equal("claim_lost", Assert.Single(attempts.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
        Assert.Equal([1L], backlog.GetMeasurementSnapshot().Select(m => m.Value));
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

    private static WebhookInboxWorker Worker(DodoTestApp host) =>
        host.Services.GetServices<IHostedService>().OfType<WebhookInboxWorker>().Single();
}
