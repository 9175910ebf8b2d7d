using System.Collections.Concurrent;
using System.Globalization;
using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests;

/// <summary>
/// What the EF Core store adds to the contract, run on each provider: a handler's changes and its completion record
/// commit together, the inbox, the purge, and several app instances sharing one database.
/// </summary>
public abstract class EntityFrameworkWebhookStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(72);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly List<StoreApp> _apps = [];

    internal FakeTimeProvider Clock { get; } = new(TestClock.Start);

    protected abstract TestDatabase Database { get; }

    /// <summary>How many events two instances race over in the inbox test.</summary>
    protected virtual int InboxRaceEvents => 300;

    public abstract Task InitializeAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>An app instance over the test's database, reading <see cref="Clock"/>.</summary>
    private StoreApp StartApp()
    {
        var app = new StoreApp(Database, Clock);
        _apps.Add(app);
        return app;
    }

    private static string NewId() => $"msg_{Guid.NewGuid():N}";

    private static WebhookInboxMessage Message(string id, DateTimeOffset receivedAt) =>
        new(id, "payment.succeeded", """{"type":"payment.succeeded","data":{}}"""u8.ToArray(), receivedAt.AddSeconds(-1), receivedAt);

    private async Task<string[]> OrdersAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Orders.OrderBy(o => o.Id).Select(o => o.PaymentId).ToArrayAsync();
    }

    private async Task<string[]> HandlerRecordsAsync(string webhookId)
    {
        await using var db = Database.CreateContext();
        return await db.Set<DodoWebhookHandlerRecord>().Where(h => h.WebhookId == webhookId).Select(h => h.HandlerKey).ToArrayAsync();
    }

    [Fact]
    public async Task Handler_SavedThenThrew_LeavesNeitherItsChangesNorACompletionRecord()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var claim = await app.Store.TryClaimAsync(id, Lease, None);

        // Act
        await app.RunHandlerAsync(claim, "FulfilOrder:payment.succeeded", "pay_1", fails: true);

        // Assert
        Assert.Empty(await OrdersAsync());
        Assert.Empty(await HandlerRecordsAsync(id));
    }

    [Fact]
    public async Task Handler_RetriedAfterItThrew_SavesOnce()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var first = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(first, "FulfilOrder:payment.succeeded", "pay_1", fails: true);
        Assert.True(await app.Store.ReleaseAsync(first, None));

        // Act
        var retry = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(retry, "FulfilOrder:payment.succeeded", "pay_1");
        Assert.True(await app.Store.CompleteAsync(retry, Retention, None));
        var redelivery = await app.Store.TryClaimAsync(id, Lease, None);

        // Assert
        Assert.Equal(["pay_1"], await OrdersAsync());
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, redelivery.Result);
    }

    [Fact]
    public async Task Handler_CompletedWhileAnotherFailed_IsNotRunAgainAndKeepsItsChanges()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var first = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(first, "FulfilOrder:payment.succeeded", "pay_fulfilled");
        await app.RunHandlerAsync(first, "SendReceipt:payment.succeeded", "pay_receipt", fails: true);
        await app.Store.ReleaseAsync(first, None);

        // Act
        var retry = await app.Store.TryClaimAsync(id, Lease, None);

        // Assert
        Assert.Equal(["FulfilOrder:payment.succeeded"], retry.CompletedHandlers.ToArray());
        Assert.Equal(["pay_fulfilled"], await OrdersAsync());
    }

    [Fact]
    public async Task Handler_RunAfterItsClaimWasTakenOver_ThrowsOnCommitAndRollsBackItsChanges()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var stale = await app.Store.TryClaimAsync(id, Lease, None);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = await StartApp().Store.TryClaimAsync(id, Lease, None);

        // Act
        var commit = await Record.ExceptionAsync(() => app.RunHandlerAsync(stale, "FulfilOrder:payment.succeeded", "pay_stale"));

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, current.Result);
        Assert.IsType<WebhookClaimLostException>(commit);
        Assert.Contains(id, commit.Message, StringComparison.Ordinal);
        Assert.Empty(await OrdersAsync());
        Assert.Empty(await HandlerRecordsAsync(id));
    }

    [Fact]
    public async Task BeginHandler_ContextWithATransactionOpen_ThrowsSayingSo()
    {
        // Arrange
        var app = StartApp();
        var claim = await app.Store.TryClaimAsync(NewId(), Lease, None);
        await using var scope = app.CreateScope();
        await using var transaction = await scope.ServiceProvider.GetRequiredService<TestShopDb>().Database.BeginTransactionAsync();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.Store.BeginHandlerAsync(claim, "FulfilOrder:payment.succeeded", scope.ServiceProvider, None).AsTask());

        // Assert
        Assert.Contains("already has a transaction open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_EventWithCompletedHandlers_KeepsTheirRecordsUntilThePurgeDeletesTheEvent()
    {
        // Arrange
        var app = StartApp();
        var store = app.Services.GetRequiredService<Storage.EntityFrameworkWebhookStore<TestShopDb>>();
        var id = NewId();
        var claim = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(claim, "FulfilOrder:payment.succeeded", "pay_1");

        // Act
        var completed = await app.Store.CompleteAsync(claim, Retention, None);
        var kept = await HandlerRecordsAsync(id);
        Clock.Advance(Retention);
        await store.PurgeAsync(batchSize: 100, None);

        // Assert
        Assert.True(completed);
        Assert.Equal(["FulfilOrder:payment.succeeded"], kept);
        Assert.Empty(await HandlerRecordsAsync(id));
    }

    [Fact]
    public async Task TryClaim_ProcessedIdAfterItsRetention_IsClaimedAgainWithNoCompletedHandlers()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var claim = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(claim, "FulfilOrder:payment.succeeded", "pay_1");
        await app.Store.CompleteAsync(claim, Retention, None);

        // Act
        Clock.Advance(Retention);
        var again = await app.Store.TryClaimAsync(id, Lease, None);

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, again.Result);
        Assert.Empty(again.CompletedHandlers);
    }

    [Fact]
    public async Task TryClaim_ProcessedIdAfterItsRetention_RunsAndRecordsEveryHandlerAgain()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var first = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(first, "FulfilOrder:payment.succeeded", "pay_first");
        await app.Store.CompleteAsync(first, Retention, None);
        Clock.Advance(Retention);
        var again = await app.Store.TryClaimAsync(id, Lease, None);

        // Act
        await app.RunHandlerAsync(again, "FulfilOrder:payment.succeeded", "pay_again");
        var completed = await app.Store.CompleteAsync(again, Retention, None);

        // Assert
        Assert.True(completed);
        Assert.Equal(["pay_first", "pay_again"], await OrdersAsync());
        Assert.Equal(["FulfilOrder:payment.succeeded"], await HandlerRecordsAsync(id));
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, (await app.Store.TryClaimAsync(id, Lease, None)).Result);
    }

    [Fact]
    public async Task Add_SameIdTwice_StoresItOnceAsPendingDueNow()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var now = Clock.GetUtcNow();

        // Act
        var first = await app.Inbox.AddAsync(Message(id, now), None);
        var second = await app.Inbox.AddAsync(Message(id, now.AddSeconds(3)), None);
        var entry = await app.Inbox.FindAsync(id, None);

        // Assert
        Assert.True(first);
        Assert.False(second);
        Assert.NotNull(entry);
        Assert.Equal("payment.succeeded", entry.Type);
        Assert.Equal(DodoWebhookInboxState.Pending, entry.State);
        Assert.Equal(0, entry.Attempts);
        Assert.Equal(now, entry.ReceivedAt);
        Assert.Equal(now, entry.NextAttemptAt);
        Assert.Null(entry.ProcessedAt);
        Assert.Null(entry.LastError);
    }

    [Fact]
    public async Task Add_IdProcessedInlineWithinItsRetention_AddsNothing()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var claim = await app.Store.TryClaimAsync(id, Lease, None);
        await app.Store.CompleteAsync(claim, Retention, None);

        // Act
        var added = await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);

        // Assert
        Assert.False(added);
        Assert.Null(await app.Inbox.ClaimNextAsync(Lease, None));
    }

    [Fact]
    public async Task Add_IdAnInlineDeliveryGaveUp_IsStoredKeepingTheHandlersThatCompleted()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var inline = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(inline, "FulfilOrder:payment.succeeded", "pay_1");
        await app.Store.ReleaseAsync(inline, None);

        // Act
        var added = await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);

        // Assert
        Assert.True(added);
        Assert.NotNull(lease);
        Assert.Equal(id, lease.Message.WebhookId);
        Assert.Equal(["FulfilOrder:payment.succeeded"], lease.Claim.CompletedHandlers.ToArray());
    }

    [Fact]
    public async Task Add_IdProcessedLongerAgoThanItsRetention_IsStoredAndRunsEveryHandlerAgain()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var inline = await app.Store.TryClaimAsync(id, Lease, None);
        await app.RunHandlerAsync(inline, "FulfilOrder:payment.succeeded", "pay_first");
        await app.Store.CompleteAsync(inline, Retention, None);
        Clock.Advance(Retention);

        // Act
        var added = await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.RunHandlerAsync(lease!.Claim, "FulfilOrder:payment.succeeded", "pay_again");
        var completed = await app.Store.CompleteAsync(lease.Claim, Retention, None);

        // Assert
        Assert.True(added);
        Assert.Empty(lease.Claim.CompletedHandlers);
        Assert.True(completed);
        Assert.Equal(["pay_first", "pay_again"], await OrdersAsync());
    }

    [Fact]
    public async Task Add_IdInTheInboxAlready_AddsNothingWhateverItsState()
    {
        // Arrange
        var app = StartApp();
        var (pending, leased, processed) = (NewId(), NewId(), NewId());
        await app.Inbox.AddAsync(Message(processed, Clock.GetUtcNow()), None);
        var processing = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.Store.CompleteAsync(processing!.Claim, Retention, None);
        await app.Inbox.AddAsync(Message(leased, Clock.GetUtcNow()), None);
        var held = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.Inbox.AddAsync(Message(pending, Clock.GetUtcNow()), None);

        // Act
        var added = new[]
        {
            await app.Inbox.AddAsync(Message(pending, Clock.GetUtcNow()), None),
            await app.Inbox.AddAsync(Message(leased, Clock.GetUtcNow()), None),
            await app.Inbox.AddAsync(Message(processed, Clock.GetUtcNow()), None),
        };

        // Assert
        Assert.Equal([false, false, false], added);
        Assert.Equal(leased, held!.Claim.WebhookId);
        Assert.Equal(1, (await app.Inbox.FindAsync(leased, None))!.Attempts);
        Assert.True(await app.Store.CompleteAsync(held.Claim, Retention, None));
    }

    [Fact]
    public async Task ClaimNext_StoredEvent_ReturnsItsMessageAndCountsTheAttempt()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        var message = Message(id, Clock.GetUtcNow());
        await app.Inbox.AddAsync(message, None);

        // Act
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);

        // Assert
        Assert.NotNull(lease);
        Assert.Equal(WebhookClaimResult.Claimed, lease.Claim.Result);
        Assert.Equal(1, lease.Attempt);
        Assert.Equal(message.Type, lease.Message.Type);
        Assert.Equal(message.Body.ToArray(), lease.Message.Body.ToArray());
        Assert.Equal(message.Timestamp, lease.Message.Timestamp);
        Assert.Equal(message.ReceivedAt, lease.Message.ReceivedAt);
        Assert.Equal(1, (await app.Inbox.FindAsync(id, None))!.Attempts);
    }

    [Fact]
    public async Task ClaimNext_LeasedEvent_IsNotClaimedAgainUntilTheLeaseExpires()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var first = await app.Inbox.ClaimNextAsync(Lease, None);

        // Act
        var whileLeased = await app.Inbox.ClaimNextAsync(Lease, None);
        var dueAt = await app.Inbox.GetNextDueAsync(None);
        Clock.Advance(Lease);
        var afterLease = await app.Inbox.ClaimNextAsync(Lease, None);

        // Assert
        Assert.Null(whileLeased);
        Assert.Equal(first!.Claim.WebhookId, afterLease!.Claim.WebhookId);
        Assert.Equal(Clock.GetUtcNow(), dueAt);
        Assert.Equal(2, afterLease.Attempt);
        Assert.False(await app.Store.CompleteAsync(first.Claim, Retention, None));
        Assert.True(await app.Store.CompleteAsync(afterLease.Claim, Retention, None));
    }

    [Fact]
    public async Task ClaimNext_SeveralDue_ClaimsTheOneDueFirst()
    {
        // Arrange
        var app = StartApp();
        var early = NewId();
        var late = NewId();
        await app.Inbox.AddAsync(Message(early, Clock.GetUtcNow()), None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await app.Inbox.AddAsync(Message(late, Clock.GetUtcNow()), None);
        var earlyLease = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.Inbox.FailAsync(earlyLease!.Claim, "System.TimeoutException: slow", Clock.GetUtcNow().AddSeconds(10), None);

        // Act
        var next = await app.Inbox.ClaimNextAsync(Lease, None);

        // Assert
        Assert.Equal(early, earlyLease.Claim.WebhookId);
        Assert.Equal(late, next!.Claim.WebhookId);
    }

    [Fact]
    public async Task Fail_WithRetryAt_KeepsTheEventPendingUntilThen()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);
        var retryAt = Clock.GetUtcNow().AddSeconds(5);

        // Act
        var failed = await app.Inbox.FailAsync(lease!.Claim, "System.TimeoutException: The API did not answer.", retryAt, None);
        var beforeRetry = await app.Inbox.ClaimNextAsync(Lease, None);
        var dueAt = await app.Inbox.GetNextDueAsync(None);
        var entry = await app.Inbox.FindAsync(id, None);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var retry = await app.Inbox.ClaimNextAsync(Lease, None);

        // Assert
        Assert.True(failed);
        Assert.Null(beforeRetry);
        Assert.Equal(retryAt, dueAt);
        Assert.Equal(DodoWebhookInboxState.Pending, entry!.State);
        Assert.Equal(retryAt, entry.NextAttemptAt);
        Assert.Equal("System.TimeoutException: The API did not answer.", entry.LastError);
        Assert.Equal(2, retry!.Attempt);
    }

    [Fact]
    public async Task Fail_WithoutRetryAt_MarksTheEventDead()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);

        // Act
        var failed = await app.Inbox.FailAsync(lease!.Claim, new string('x', 5000), retryAt: null, None);
        var entry = await app.Inbox.FindAsync(id, None);

        // Assert
        Assert.True(failed);
        Assert.Equal(DodoWebhookInboxState.Dead, entry!.State);
        Assert.Null(entry.NextAttemptAt);
        Assert.Equal(DodoWebhookEventRecord.MaxLastErrorLength, entry.LastError!.Length);
        Assert.Null(await app.Inbox.ClaimNextAsync(Lease, None));
        Assert.Null(await app.Inbox.GetNextDueAsync(None));
        Assert.Equal(WebhookClaimResult.AlreadyProcessed, (await app.Store.TryClaimAsync(id, Lease, None)).Result);
    }

    [Fact]
    public async Task Fail_StaleClaim_RecordsNothing()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var stale = await app.Inbox.ClaimNextAsync(Lease, None);
        Clock.Advance(Lease);
        var current = await app.Inbox.ClaimNextAsync(Lease, None);

        // Act
        var failed = await app.Inbox.FailAsync(stale!.Claim, "System.Exception: late", retryAt: null, None);

        // Assert
        Assert.False(failed);
        Assert.Equal(DodoWebhookInboxState.Pending, (await app.Inbox.FindAsync(id, None))!.State);
        Assert.True(await app.Store.CompleteAsync(current!.Claim, Retention, None));
    }

    [Fact]
    public async Task Replay_DeadEvent_RunsAgainKeepingTheHandlersThatCompleted()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.RunHandlerAsync(lease!.Claim, "FulfilOrder:payment.succeeded", "pay_1");
        await app.Inbox.FailAsync(lease.Claim, "System.Exception: receipt failed", retryAt: null, None);

        // Act
        var replayed = await app.Inbox.ReplayAsync(id, None);
        var entry = await app.Inbox.FindAsync(id, None);
        var again = await app.Inbox.ClaimNextAsync(Lease, None);

        // Assert
        Assert.True(replayed);
        Assert.Equal(DodoWebhookInboxState.Pending, entry!.State);
        Assert.Equal(0, entry.Attempts);
        Assert.Null(entry.LastError);
        Assert.Equal(1, again!.Attempt);
        Assert.Equal(["FulfilOrder:payment.succeeded"], again.Claim.CompletedHandlers.ToArray());
    }

    [Fact]
    public async Task Replay_ProcessedEvent_RunsEveryHandlerAgain()
    {
        // Arrange
        var app = StartApp();
        var id = NewId();
        await app.Inbox.AddAsync(Message(id, Clock.GetUtcNow()), None);
        var lease = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.RunHandlerAsync(lease!.Claim, "FulfilOrder:payment.succeeded", "pay_1");
        await app.Store.CompleteAsync(lease.Claim, Retention, None);
        var processed = await app.Inbox.FindAsync(id, None);

        // Act
        var replayed = await app.Inbox.ReplayAsync(id, None);
        var again = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.RunHandlerAsync(again!.Claim, "FulfilOrder:payment.succeeded", "pay_1_replayed");
        var completed = await app.Store.CompleteAsync(again.Claim, Retention, None);

        // Assert
        Assert.Equal(DodoWebhookInboxState.Processed, processed!.State);
        Assert.Equal(Clock.GetUtcNow(), processed.ProcessedAt);
        Assert.Null(processed.NextAttemptAt);
        Assert.True(replayed);
        Assert.Equal(id, again.Claim.WebhookId);
        Assert.Empty(again.Claim.CompletedHandlers);
        Assert.True(completed);
        Assert.Equal(["pay_1", "pay_1_replayed"], await OrdersAsync());
    }

    [Fact]
    public async Task Replay_UnknownIdOrInlineDelivery_IsFalse()
    {
        // Arrange
        var app = StartApp();
        var inline = NewId();
        await app.Store.TryClaimAsync(inline, Lease, None);

        // Act
        var unknown = await app.Inbox.ReplayAsync(NewId(), None);
        var notInInbox = await app.Inbox.ReplayAsync(inline, None);

        // Assert
        Assert.False(unknown);
        Assert.False(notInInbox);
        Assert.Null(await app.Inbox.FindAsync(inline, None));
    }

    [Fact]
    public async Task List_OneState_MostRecentlyReceivedFirstUpToTheLimit()
    {
        // Arrange
        var app = StartApp();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(NewId());
            await app.Inbox.AddAsync(Message(ids[^1], Clock.GetUtcNow()), None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var dead = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.Inbox.FailAsync(dead!.Claim, "System.Exception: no", retryAt: null, None);
        await app.Store.TryClaimAsync(NewId(), Lease, None);

        // Act
        var pending = await app.Inbox.ListAsync(DodoWebhookInboxState.Pending, 2, None);
        var deadEntries = await app.Inbox.ListAsync(DodoWebhookInboxState.Dead, 10, None);
        var processed = await app.Inbox.ListAsync(DodoWebhookInboxState.Processed, 10, None);

        // Assert
        Assert.Equal([ids[3], ids[2]], pending.Select(e => e.WebhookId).ToArray());
        Assert.Equal([ids[0]], deadEntries.Select(e => e.WebhookId).ToArray());
        Assert.Empty(processed);
    }

    [Fact]
    public async Task Purge_ProcessedPastRetention_DeletesThemInBatchesAndNothingElse()
    {
        // Arrange
        var app = StartApp();
        var store = app.Services.GetRequiredService<Storage.EntityFrameworkWebhookStore<TestShopDb>>();
        for (var i = 0; i < 5; i++)
        {
            var claim = await app.Store.TryClaimAsync($"old_{i}_{NewId()}", Lease, None);
            await app.Store.CompleteAsync(claim, TimeSpan.FromHours(1), None);
        }

        var recent = await app.Store.TryClaimAsync(NewId(), Lease, None);
        await app.Store.CompleteAsync(recent, Retention, None);
        var inProgress = await app.Store.TryClaimAsync(NewId(), Lease, None);
        await app.Inbox.AddAsync(Message(NewId(), Clock.GetUtcNow()), None);
        var dying = await app.Inbox.ClaimNextAsync(Lease, None);
        await app.Inbox.FailAsync(dying!.Claim, "System.Exception: no", retryAt: null, None);
        Clock.Advance(TimeSpan.FromHours(2));

        // Act
        var deleted = await store.PurgeAsync(batchSize: 2, None);

        // Assert
        Assert.Equal(5, deleted);
        await using var db = Database.CreateContext();
        var left = await db.Set<DodoWebhookEventRecord>().Select(e => e.WebhookId).ToListAsync();
        Assert.Equal(new[] { recent.WebhookId, inProgress.WebhookId, dying.Claim.WebhookId }.Order(), left.Order());
    }

    [Fact]
    public async Task TwoInstances_SixteenConcurrentClaimsOfOneId_OneIsClaimedAndNoErrorIsLogged()
    {
        // Arrange
        var instances = new[] { StartApp(), StartApp() };
        var id = NewId();
        using var start = new ManualResetEventSlim();

        // Act
        var claims = Enumerable.Range(0, 16)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await instances[i % 2].Store.TryClaimAsync(id, Lease, None);
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(claims);

        // Assert
        Assert.Single(results, claim => claim.Result == WebhookClaimResult.Claimed);
        Assert.Equal(15, results.Count(claim => claim.Result == WebhookClaimResult.InProgress));
        Assert.Empty(instances.SelectMany(instance => instance.DatabaseErrors));
    }

    [Fact]
    public async Task TwoInstances_SixteenConcurrentTakeoversOfAnExpiredClaim_OneIsClaimed()
    {
        // Arrange
        var instances = new[] { StartApp(), StartApp() };
        var id = NewId();
        var crashed = await instances[0].Store.TryClaimAsync(id, Lease, None);
        await instances[0].RunHandlerAsync(crashed, "FulfilOrder:payment.succeeded", "pay_1");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        using var start = new ManualResetEventSlim();

        // Act
        var claims = Enumerable.Range(0, 16)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await instances[i % 2].Store.TryClaimAsync(id, Lease, None);
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(claims);

        // Assert
        var winner = Assert.Single(results, claim => claim.Result == WebhookClaimResult.Claimed);
        Assert.Equal(["FulfilOrder:payment.succeeded"], winner.CompletedHandlers.ToArray());
        Assert.Equal(15, results.Count(claim => claim.Result == WebhookClaimResult.InProgress));
    }

    [Fact]
    public async Task TwoInstances_StaleOwner_IsFencedOffByTheInstanceThatTookOver()
    {
        // Arrange
        var (a, b) = (StartApp(), StartApp());
        var id = NewId();
        var stale = await a.Store.TryClaimAsync(id, Lease, None);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = await b.Store.TryClaimAsync(id, Lease, None);

        // Act
        var staleHandler = await Record.ExceptionAsync(() => a.RunHandlerAsync(stale, "FulfilOrder:payment.succeeded", "pay_stale"));
        var staleRenewed = await a.Store.RenewAsync(stale, Lease, None);
        var staleCompleted = await a.Store.CompleteAsync(stale, Retention, None);
        await b.RunHandlerAsync(current, "FulfilOrder:payment.succeeded", "pay_current");
        var currentCompleted = await b.Store.CompleteAsync(current, Retention, None);

        // Assert
        Assert.IsType<WebhookClaimLostException>(staleHandler);
        Assert.False(staleRenewed);
        Assert.False(staleCompleted);
        Assert.True(currentCompleted);
        Assert.Equal(["pay_current"], await OrdersAsync());
    }

    [Fact]
    public async Task TwoInstances_InboxOfManyEvents_EachIsHeldByOneClaimAtATime()
    {
        // Arrange: every third event fails its first attempt (due again at once) and succeeds on its second.
        var events = InboxRaceEvents;
        var instances = new[] { StartApp(), StartApp() };
        var received = Clock.GetUtcNow();
        for (var i = 0; i < events; i++)
        {
            await instances[i % 2].Inbox.AddAsync(Message($"evt_{i:D3}", received), None);
        }

        static bool FailsFirst(string id) => int.Parse(id.AsSpan(4), CultureInfo.InvariantCulture) % 3 == 0;
        var held = new ConcurrentDictionary<string, bool>();
        var attempts = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var completed = 0;

        async Task WorkAsync(StoreApp app)
        {
            while (Volatile.Read(ref completed) < events)
            {
                var lease = await app.Inbox.ClaimNextAsync(Lease, None);
                if (lease is null)
                {
                    await Task.Yield();
                    continue;
                }

                var id = lease.Claim.WebhookId;
                if (!held.TryAdd(id, true))
                {
                    Interlocked.Increment(ref overlaps);
                }

                var attempt = attempts.AddOrUpdate(id, 1, (_, count) => count + 1);
                Assert.Equal(attempt, lease.Attempt);
                held.TryRemove(id, out _);
                if (attempt == 1 && FailsFirst(id))
                {
                    Assert.True(await app.Inbox.FailAsync(lease.Claim, "System.Exception: first attempt", Clock.GetUtcNow(), None));
                }
                else
                {
                    Assert.True(await app.Store.CompleteAsync(lease.Claim, Retention, None));
                    Interlocked.Increment(ref completed);
                }
            }
        }

        // Act: two instances, three workers each.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => WorkAsync(instances[i % 2]))));

        // Assert
        Assert.Equal(0, overlaps);
        Assert.Equal(events, attempts.Count);
        Assert.All(attempts, pair => Assert.Equal(FailsFirst(pair.Key) ? 2 : 1, pair.Value));
        Assert.Equal(events, (await instances[1].Inbox.ListAsync(DodoWebhookInboxState.Processed, 1000, None)).Count);
    }
}

/// <summary>The EF Core store on SQLite: a fresh database file per test.</summary>
public sealed class SqliteWebhookStoreTests : EntityFrameworkWebhookStoreTests
{
    private readonly SqliteDatabase _database = new();

    protected override TestDatabase Database => _database;

    /// <summary>SQLite serializes writers, so the race is shorter there; PostgreSQL runs the full 300.</summary>
    protected override int InboxRaceEvents => 60;

    public override Task InitializeAsync() => _database.InitializeAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The EF Core store on PostgreSQL: a database for the class, emptied before each test.</summary>
public sealed class PostgresWebhookStoreTests(PostgresDatabase database) : EntityFrameworkWebhookStoreTests, IClassFixture<PostgresDatabase>
{
    protected override TestDatabase Database => database;

    public override Task InitializeAsync() => database.ResetAsync();

    [Fact]
    public async Task Handler_WhoseClaimIsTakenOverWhileItRuns_ThrowsOnCommitAndRollsBackItsChanges()
    {
        // Arrange: PostgreSQL lets the other instance take the event over while the stale handler's transaction is open
        // (SQLite would make it wait for that transaction: one writer at a time).
        await using var stale = new StoreApp(database, Clock);
        await using var current = new StoreApp(database, Clock);
        var id = $"msg_{Guid.NewGuid():N}";
        var staleClaim = await stale.Store.TryClaimAsync(id, TimeSpan.FromSeconds(30), CancellationToken.None);
        await using var scope = stale.CreateScope();
        await using var run = await stale.Store.BeginHandlerAsync(staleClaim, "FulfilOrder:payment.succeeded", scope.ServiceProvider, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<TestShopDb>();
        db.Orders.Add(new TestOrder { PaymentId = "pay_stale" });
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromSeconds(31));
        var takeover = await current.Store.TryClaimAsync(id, TimeSpan.FromSeconds(30), CancellationToken.None);

        // Act
        var commit = await Record.ExceptionAsync(() => run.CommitAsync(CancellationToken.None).AsTask());

        // Assert
        Assert.Equal(WebhookClaimResult.Claimed, takeover.Result);
        Assert.IsType<WebhookClaimLostException>(commit);
        await using var check = database.CreateContext();
        Assert.False(await check.Orders.AnyAsync());
    }
}
