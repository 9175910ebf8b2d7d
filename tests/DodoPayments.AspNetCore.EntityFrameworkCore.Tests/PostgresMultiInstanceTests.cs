using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Instances;
using Npgsql;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests;

/// <summary>
/// Several app instances on one PostgreSQL database, through HTTP and the whole webhook pipeline: in-process instances
/// (each its own <c>WebApplication</c>) racing on deliveries, and real processes killed with SIGKILL mid-handler or right
/// after answering. Each handler run is recorded in <c>handler_runs</c> in the handler's transaction, and counted with SQL.
/// </summary>
public sealed class PostgresMultiInstanceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId() => $"msg_{Guid.NewGuid():N}";

    [Fact]
    public async Task Inline_SixteenConcurrentDeliveriesOfOneIdOverTwoInstances_RunTheHandlerOnce()
    {
        // Arrange: the handler that claims the event waits at the gate, so every other delivery meets a live claim.
        var gate = new HandlerGate(open: false);
        await using var a = await WebhookAppInstance.StartAsync(database, "a", gate);
        await using var b = await WebhookAppInstance.StartAsync(database, "b", gate);
        var id = NewId();

        // Act
        var deliveries = Enumerable.Range(0, 16).Select(i => Deliveries.PostAsync((i % 2 == 0 ? a : b).Client, id)).ToList();
        var answeredFirst = new List<int>();
        using (var timeout = new CancellationTokenSource(Deadline))
        {
            while (answeredFirst.Count < 15)
            {
                var answered = await Task.WhenAny(deliveries).WaitAsync(timeout.Token);
                deliveries.Remove(answered);
                answeredFirst.Add(await answered);
            }
        }

        gate.Open();
        var last = await Assert.Single(deliveries).WaitAsync(Deadline);

        // Assert
        Assert.All(answeredFirst, status => Assert.Equal(409, status));
        Assert.Equal(200, last);
        Assert.Equal(1, gate.Entered);
        Assert.Equal(new Dictionary<string, long> { [id] = 1 }, await RunsAsync(database.ConnectionString));
    }

    [Fact]
    public async Task Inline_InstanceKilledMidHandler_AnotherInstanceRunsTheEventOnceAfterTheLease()
    {
        // Arrange: instance A's handler records its run, says so, and blocks inside its transaction.
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using var a = await LoadAppProcess.StartAsync(connectionString, "--Load:BlockHandlers", "true");
            var startingB = LoadAppProcess.StartAsync(connectionString);
            var id = NewId();
            var blocked = Deliveries.PostAsync(a.Client, id);
            await a.WaitForLineAsync($"handler-started {id}", Deadline);
            await using var b = await startingB;

            // Act: kill A mid-handler, then deliver to B until the lease A held has expired.
            await a.KillAsync();
            await Deliveries.PostUntilOkAsync(b.Client, id, Deadline);

            // Assert: A's run went with its transaction; B ran the event once.
            await Assert.ThrowsAnyAsync<Exception>(() => blocked);
            Assert.Equal(new Dictionary<string, long> { [id] = 1 }, await RunsAsync(connectionString));
            Assert.Equal([b.Id], await RunningProcessesAsync(connectionString));
            Assert.Equal(1, await ProcessedAsync(connectionString));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Inbox_ThreeHundredEventsEachDeliveredToBothInstances_EachIsHandledOnce()
    {
        // Arrange
        const int Events = 300;
        var gate = new HandlerGate();
        await using var a = await WebhookAppInstance.StartAsync(database, "a", gate, inbox: true);
        await using var b = await WebhookAppInstance.StartAsync(database, "b", gate, inbox: true);
        var ids = Enumerable.Range(0, Events).Select(i => $"evt_{i:D3}_{Guid.NewGuid():N}").ToArray();
        var answers = new List<int>();

        // Act: every event goes to both instances at once; both inbox processors drain the same table.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, cancellationToken) =>
        {
            var statuses = await Task.WhenAll(Deliveries.PostAsync(a.Client, id, cancellationToken), Deliveries.PostAsync(b.Client, id, cancellationToken));
            lock (answers)
            {
                answers.AddRange(statuses);
            }
        });
        await WaitUntilProcessedAsync(database.ConnectionString, Events);

        // Assert
        Assert.All(answers, status => Assert.Equal(200, status));
        var runs = await RunsAsync(database.ConnectionString);
        Assert.Equal(ids.Order(), runs.Keys.Order());
        Assert.All(runs, run => Assert.Equal(1, run.Value));
    }

    [Fact]
    public async Task Inbox_ProcessKilledRightAfterAnswering200_AfterRestartEveryStoredEventIsHandledOnce()
    {
        // Arrange: the first process stores what it is sent, and its handler blocks, so no event completes there.
        const int Events = 40;
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var ids = Enumerable.Range(0, Events).Select(i => $"evt_{i:D2}_{Guid.NewGuid():N}").ToArray();
            var answers = new List<int>();
            await using (var first = await LoadAppProcess.StartAsync(connectionString, "--Load:Inbox", "true", "--Load:BlockHandlers", "true"))
            {
                await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, cancellationToken) =>
                {
                    var status = await Deliveries.PostAsync(first.Client, id, cancellationToken);
                    lock (answers)
                    {
                        answers.Add(status);
                    }
                });

                // Act: killed right after the last 200, then restarted.
                await first.KillAsync();
            }

            var processedBeforeRestart = await ProcessedAsync(connectionString);
            await using var restarted = await LoadAppProcess.StartAsync(connectionString, "--Load:Inbox", "true");
            await WaitUntilProcessedAsync(connectionString, Events);

            // Assert
            Assert.All(answers, status => Assert.Equal(200, status));
            Assert.Equal(0, processedBeforeRestart);
            var runs = await RunsAsync(connectionString);
            Assert.Equal(ids.Order(), runs.Keys.Order());
            Assert.All(runs, run => Assert.Equal(1, run.Value));
            Assert.Equal([restarted.Id], await RunningProcessesAsync(connectionString));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>Handler runs per webhook-id, as committed.</summary>
    private static async Task<Dictionary<string, long>> RunsAsync(string connectionString)
    {
        var runs = new Dictionary<string, long>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT webhook_id, count(*) FROM handler_runs GROUP BY webhook_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return runs;
    }

    /// <summary>The processes whose handler runs committed (load app databases).</summary>
    private static async Task<int[]> RunningProcessesAsync(string connectionString)
    {
        var processes = new List<int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT process_id FROM handler_runs", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            processes.Add(reader.GetInt32(0));
        }

        return [.. processes];
    }

    /// <summary>How many events the store holds as processed.</summary>
    private static async Task<long> ProcessedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM dodo_webhook_events WHERE state = 1", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls the store until <paramref name="events"/> events are processed, or fails saying how many were.</summary>
    private static async Task WaitUntilProcessedAsync(string connectionString, int events)
    {
        var deadline = DateTime.UtcNow + Deadline;
        long processed;
        while ((processed = await ProcessedAsync(connectionString)) < events)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {processed} of {events} events were processed within {Deadline}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
