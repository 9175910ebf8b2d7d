using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

public sealed class WebhookIdempotencyTests
{
    [Fact]
    public async Task Post_RedeliveryOfProcessedId_Answers200WithoutRunningHandlers()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();
        using var first = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_once");

        // Act
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        using var second = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_once");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(log.Calls);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 305);
    }

    [Fact]
    public async Task Post_SameIdTwentyTimesInParallel_RunsTheHandlerOnce()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();
        log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = DodoTestApp.PaymentSucceeded();

        // Act
        var posts = Enumerable.Range(0, 20).Select(_ => Task.Run(() => host.PostSignedAsync(body, "msg_parallel"))).ToArray();
        await log.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The first delivery holds the claim inside its handler; the other 19 are answered (409) meanwhile.
        while (posts.Count(post => post.IsCompleted) < posts.Length - 1)
        {
            await Task.WhenAny(posts.Where(post => !post.IsCompleted)).WaitAsync(TimeSpan.FromSeconds(30));
        }

        log.Gate.SetResult();
        var responses = await Task.WhenAll(posts);
        using var redelivery = await host.PostSignedAsync(body, "msg_parallel");

        // Assert
        Assert.Single(log.Calls);
        Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Single(log.Calls);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_HandlerThrowsThenRetry_Answers500ThenRunsAgainAnd200()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();
        log.FailuresLeft = 1;
        var body = DodoTestApp.PaymentSucceeded("pay_retry");

        // Act
        using var failed = await host.PostSignedAsync(body, "msg_retry");
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        using var retried = await host.PostSignedAsync(body, "msg_retry");
        using var again = await host.PostSignedAsync(body, "msg_retry");

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("order store", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["payment:pay_retry", "payment:pay_retry"], log.Calls);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 307 && entry.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Post_SameIdWhileFirstIsInProgress_Answers409()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();
        log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = DodoTestApp.PaymentSucceeded();
        var first = host.PostSignedAsync(body, "msg_busy");
        await log.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Act
        using var duplicate = await host.PostSignedAsync(body, "msg_busy");
        log.Gate.SetResult();
        using var firstResponse = await first;

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 306);
    }

    [Fact]
    public async Task Post_ReplacedIdempotencyStore_IsTheOneUsed()
    {
        // Arrange
        var store = new AlwaysProcessedStore();
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services
            .AddSingleton<HandlerLog>()
            .AddSingleton<IWebhookIdempotencyStore>(store));
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_shared");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(log.Calls);
        Assert.Equal(["msg_shared"], store.Claimed);
    }

    [Fact]
    public async Task Post_StoreFailsToRecordAfterHandlersRan_Answers200AndLogsAnError()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services
            .AddSingleton<HandlerLog>()
            .AddSingleton<IWebhookIdempotencyStore, FailingCompleteStore>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_store"), "msg_store");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["payment:pay_store"], log.Calls);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 311 && entry.Exception is TimeoutException);
    }

    private sealed class FailingCompleteStore : IWebhookIdempotencyStore
    {
        public ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken) =>
            ValueTask.FromResult(WebhookClaim.Claimed(webhookId, Guid.NewGuid()));

        public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IWebhookHandlerCompletion>(new NoCompletion());

        public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken) => throw new TimeoutException("The store timed out.");

        public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }

    private sealed class AlwaysProcessedStore : IWebhookIdempotencyStore
    {
        public List<string> Claimed { get; } = [];

        public ValueTask<WebhookClaim> TryClaimAsync(string webhookId, TimeSpan lease, CancellationToken cancellationToken)
        {
            Claimed.Add(webhookId);
            return ValueTask.FromResult(WebhookClaim.AlreadyProcessed(webhookId));
        }

        public ValueTask<bool> RenewAsync(WebhookClaim claim, TimeSpan lease, CancellationToken cancellationToken) => throw new InvalidOperationException("Not claimed.");

        public ValueTask<IWebhookHandlerCompletion> BeginHandlerAsync(WebhookClaim claim, string handlerKey, IServiceProvider handlerServices, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Not claimed.");

        public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken) => throw new InvalidOperationException("Not claimed.");

        public ValueTask<bool> ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => throw new InvalidOperationException("Not claimed.");
    }

    private sealed class NoCompletion : IWebhookHandlerCompletion
    {
        public ValueTask CommitAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
