using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// A handler's token is cancelled when the app stops or <c>Webhooks:HandlerTimeout</c> passes, never because Dodo hung
/// up; its claim is renewed while it runs, and a claim lost meanwhile cancels it and is not completed.
/// </summary>
public sealed class WebhookHandlerCancellationTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Post_CallerAbortsWhileHandlerRuns_HandlerIsNotCancelledCompletesAndTheEventIsProcessed()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<BlockingHandler>().Services.AddSingleton<BlockingGate>().AddHttpContextAccessor());
        var gate = host.App.Services.GetRequiredService<BlockingGate>();
        var body = DodoTestApp.PaymentSucceeded("pay_abort");
        using var cancellation = new CancellationTokenSource();
        using var request = host.Signer.CreateRequest(DodoTestApp.WebhookRoute, body, "msg_abort", host.Clock.GetUtcNow());
        var post = host.Client.SendAsync(request, cancellation.Token);
        var handlerToken = await gate.Entered.Task.WaitAsync(Safety);

        // Act
        await cancellation.CancelAsync();
        await gate.RequestAborted.Task.WaitAsync(Safety);
        var cancelledByTheAbort = handlerToken.IsCancellationRequested;
        gate.Release.SetResult();
        var completed = await gate.Finished.Task.WaitAsync(Safety);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post.WaitAsync(Safety));
        await host.Logs.GetLogsAsync(CancellationToken.None).FirstAsync(entry => entry.Id.Id == 300).AsTask().WaitAsync(Safety);
        using var redelivery = await host.PostSignedAsync(body, "msg_abort");

        // Assert
        Assert.False(cancelledByTheAbort);
        Assert.True(completed);
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Equal(1, gate.Runs);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 305);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), entry => entry.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Post_HandlerRunningPastHandlerTimeout_SeesItsTokenCancelledAndAnswers500()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(
            dodo => dodo.AddWebhookHandler<BlockingHandler>().Services.AddSingleton<BlockingGate>().AddHttpContextAccessor(),
            options => options.Webhooks.HandlerTimeout = TimeSpan.FromMinutes(1));
        var gate = host.App.Services.GetRequiredService<BlockingGate>();
        var post = host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_slow"), "msg_timeout");
        var handlerToken = await gate.Entered.Task.WaitAsync(Safety);

        // Act
        host.Clock.Advance(TimeSpan.FromSeconds(59));
        var cancelledBefore = handlerToken.IsCancellationRequested;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await post.WaitAsync(Safety);

        // Assert
        Assert.False(cancelledBefore);
        Assert.True(handlerToken.IsCancellationRequested);
        Assert.False(await gate.Finished.Task);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 314 && entry.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Post_DuplicateWhileHandlerRunsLongerThanTheClaimLease_Answers409BecauseTheLeaseIsRenewed()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<BlockingHandler>().Services.AddSingleton<BlockingGate>().AddHttpContextAccessor());
        var gate = host.App.Services.GetRequiredService<BlockingGate>();
        var body = DodoTestApp.PaymentSucceeded("pay_lease");
        var first = host.PostSignedAsync(body, "msg_lease");
        await gate.Entered.Task.WaitAsync(Safety);

        // Act: more than two leases (30 s each) pass while the handler runs.
        for (var elapsed = 0; elapsed < 65; elapsed += 5)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        using var duplicate = await host.PostSignedAsync(body, "msg_lease").WaitAsync(Safety);
        gate.Release.SetResult();
        using var firstResponse = await first.WaitAsync(Safety);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(1, gate.Runs);
    }

    [Fact]
    public async Task Post_ClaimLostWhileHandlerRuns_CancelsTheHandlerAndDoesNotCompleteTheEvent()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<BlockingHandler>().Services
            .AddSingleton<BlockingGate>()
            .AddHttpContextAccessor()
            .AddInboxTestStore());
        var store = host.App.Services.GetRequiredService<InboxTestStore>();
        var gate = host.App.Services.GetRequiredService<BlockingGate>();
        var post = host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_lost"), "msg_lost");
        var handlerToken = await gate.Entered.Task.WaitAsync(Safety);

        // Act: another instance takes the event over; the next renewal (a third of the 30 s lease) learns it.
        store.StealClaim("msg_lost");
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        using var response = await post.WaitAsync(Safety);

        // Assert
        Assert.True(handlerToken.IsCancellationRequested);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotEqual(DodoPayments.AspNetCore.Webhooks.DodoWebhookInboxState.Processed, store.Entry("msg_lost")?.State);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 312);
    }
}
