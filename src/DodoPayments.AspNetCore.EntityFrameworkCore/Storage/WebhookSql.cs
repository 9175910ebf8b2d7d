using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>
/// The store's hot-path statements as SQL, built once per store from its <see cref="DbContext"/>'s model (table and column
/// names as the app configured them, quoted by the provider), so a delivery costs one statement per step instead of a
/// read and a write: a new claim or inbox event is one <c>INSERT … ON CONFLICT DO NOTHING</c>, a handler's completion
/// one <c>INSERT … SELECT</c> that checks the claim (and, on PostgreSQL, locks the event row until the commit), the
/// completion one <c>UPDATE</c>, and the inbox's next claim one <c>UPDATE … RETURNING</c>.
/// </summary>
/// <remarks>
/// <c>ON CONFLICT</c> and <c>RETURNING</c> are PostgreSQL's and SQLite's (3.35 and later); on other providers
/// <see cref="SupportsUpsert"/> is false and the store uses portable EF Core statements for those steps instead.
/// Parameter values are provider values (the model's value converters applied: a state through the state column's, a
/// time through <c>received_at</c>'s, as <c>AddDodoWebhookStore()</c> maps every time alike), so the SQL compares exactly
/// what EF Core writes.
/// </remarks>
internal sealed class WebhookSql
{
    private const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    private readonly Func<object?, object?> _state;
    private readonly Func<object?, object?> _time;
    private readonly Func<object?, object?> _timeFromProvider;

    /// <summary>Builds the statements of <paramref name="db"/>'s model and provider.</summary>
    public WebhookSql(DbContext db)
    {
        var provider = db.Database.ProviderName;
        var sql = db.GetService<ISqlGenerationHelper>();
        var events = Table<DodoWebhookEventRecord>(db.Model, sql);
        var handlers = Table<DodoWebhookHandlerRecord>(db.Model, sql);
        _state = events.ToProvider(nameof(DodoWebhookEventRecord.State));
        _time = events.ToProvider(nameof(DodoWebhookEventRecord.ReceivedAt));
        _timeFromProvider = events.FromProvider(nameof(DodoWebhookEventRecord.ReceivedAt));

        var id = events.Column(nameof(DodoWebhookEventRecord.WebhookId));
        var state = events.Column(nameof(DodoWebhookEventRecord.State));
        var owner = events.Column(nameof(DodoWebhookEventRecord.OwnerToken));
        var lease = events.Column(nameof(DodoWebhookEventRecord.LeaseExpiresAt));
        var attempts = events.Column(nameof(DodoWebhookEventRecord.Attempts));
        var nextAttempt = events.Column(nameof(DodoWebhookEventRecord.NextAttemptAt));
        var received = events.Column(nameof(DodoWebhookEventRecord.ReceivedAt));

        // Completing: {0} processed, {1} processed at, {2} retain until, {3} id, {4} owner token, {5} pending.
        Complete = $"UPDATE {events.Name} SET {state} = {{0}}, {owner} = NULL, {lease} = NULL, {nextAttempt} = NULL, " +
            $"{events.Column(nameof(DodoWebhookEventRecord.ProcessedAt))} = {{1}}, {events.Column(nameof(DodoWebhookEventRecord.RetainUntil))} = {{2}} " +
            $"WHERE {id} = {{3}} AND {owner} = {{4}} AND {state} = {{5}}";

        SupportsUpsert = provider is PostgreSql or Sqlite;
        if (!SupportsUpsert)
        {
            return;
        }

        // A new claim: {0} id, {1} received at, {2} pending, {3} owner token, {4} lease expiry.
        InsertClaim = $"INSERT INTO {events.Name} ({id}, {received}, {state}, {owner}, {lease}, {attempts}) " +
            "VALUES ({0}, {1}, {2}, {3}, {4}, 0) ON CONFLICT DO NOTHING";

        // A new inbox event: {0} id, {1} type, {2} body, {3} timestamp, {4} received at, {5} pending, {6} due.
        InsertInbox = $"INSERT INTO {events.Name} ({id}, {events.Column(nameof(DodoWebhookEventRecord.Type))}, " +
            $"{events.Column(nameof(DodoWebhookEventRecord.Body))}, {events.Column(nameof(DodoWebhookEventRecord.Timestamp))}, " +
            $"{received}, {state}, {attempts}, {nextAttempt}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, 0, {{6}}) ON CONFLICT DO NOTHING";

        // A handler's completion record, written only while the claim holds the event. On PostgreSQL FOR SHARE keeps the
        // event row locked until the handler's transaction commits, so no other instance takes the event over in between
        // (and then reads the completed handlers without this one); SQLite's write transaction already excludes that.
        // {0} id, {1} handler key, {2} completed at, {3} owner token, {4} pending.
        RecordHandler = $"INSERT INTO {handlers.Name} ({handlers.Column(nameof(DodoWebhookHandlerRecord.WebhookId))}, " +
            $"{handlers.Column(nameof(DodoWebhookHandlerRecord.HandlerKey))}, {handlers.Column(nameof(DodoWebhookHandlerRecord.CompletedAt))}) " +
            $"SELECT {{0}}, {{1}}, {{2}} FROM {events.Name} WHERE {id} = {{0}} AND {owner} = {{3}} AND {state} = {{4}}" +
            (provider == PostgreSql ? " FOR SHARE" : "");

        // The inbox's next claim: the pending event due first that no live claim holds, in one statement that also
        // returns the event and the keys of the handlers that completed in earlier attempts (joined by a unit separator).
        // On PostgreSQL SKIP LOCKED lets several instances claim different events at once instead of queueing on one row.
        // {0} owner token, {1} lease expiry, {2} pending, {3} now.
        var due = $"{state} = {{2}} AND {nextAttempt} <= {{3}} AND ({owner} IS NULL OR {lease} <= {{3}})";
        var handlerId = handlers.Column(nameof(DodoWebhookHandlerRecord.WebhookId));
        var handlerKeys = $"(SELECT {(provider == PostgreSql ? "string_agg" : "group_concat")}({handlers.Column(nameof(DodoWebhookHandlerRecord.HandlerKey))}, " +
            $"{(provider == PostgreSql ? "chr" : "char")}(31)) FROM {handlers.Name} WHERE {handlerId} = {events.Name}.{id})";
        ClaimNext = $"UPDATE {events.Name} SET {owner} = {{0}}, {lease} = {{1}}, {attempts} = {attempts} + 1 " +
            $"WHERE {id} = (SELECT {id} FROM {events.Name} WHERE {due} ORDER BY {nextAttempt}, {id} LIMIT 1" +
            (provider == PostgreSql ? " FOR UPDATE SKIP LOCKED" : "") + $") AND {due} RETURNING " +
            $"{id} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.WebhookId))}, " +
            $"{events.Column(nameof(DodoWebhookEventRecord.Type))} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.Type))}, " +
            $"{events.Column(nameof(DodoWebhookEventRecord.Body))} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.Body))}, " +
            $"{events.Column(nameof(DodoWebhookEventRecord.Timestamp))} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.Timestamp))}, " +
            $"{received} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.ReceivedAt))}, " +
            $"{attempts} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.Attempts))}, " +
            $"{handlerKeys} AS {sql.DelimitIdentifier(nameof(ClaimedInboxRow.Handlers))}";
    }

    /// <summary>Whether the provider runs <c>ON CONFLICT DO NOTHING</c> and <c>RETURNING</c> (PostgreSQL, SQLite).</summary>
    public bool SupportsUpsert { get; }

    /// <summary>Completes a held claim; every provider.</summary>
    public string Complete { get; }

    /// <summary>Inserts a new claim unless the id is known; null when <see cref="SupportsUpsert"/> is false.</summary>
    public string? InsertClaim { get; }

    /// <summary>Inserts a new inbox event unless the id is known; null when <see cref="SupportsUpsert"/> is false.</summary>
    public string? InsertInbox { get; }

    /// <summary>Records a handler's completion while the claim holds the event; null when <see cref="SupportsUpsert"/> is false.</summary>
    public string? RecordHandler { get; }

    /// <summary>
    /// Claims the inbox event due first and returns it as a <see cref="ClaimedInboxRow"/>; null when
    /// <see cref="SupportsUpsert"/> is false.
    /// </summary>
    public string? ClaimNext { get; }

    /// <summary>The separator between the handler keys of <see cref="ClaimedInboxRow.Handlers"/>.</summary>
    public const char HandlerKeySeparator = '\u001f';

    /// <summary>The provider value of a state.</summary>
    public object State(DodoWebhookInboxState state) => _state(state)!;

    /// <summary>The provider value of a time.</summary>
    public object Time(DateTimeOffset time) => _time(time)!;

    /// <summary>A time read back from its provider value.</summary>
    public DateTimeOffset Time(long value) => (DateTimeOffset)_timeFromProvider(value)!;

    private static MappedTable Table<TEntity>(IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"The model has no {typeof(TEntity).Name}: call modelBuilder.AddDodoWebhookStore().");
        var name = entity.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        return new MappedTable(entity, StoreObjectIdentifier.Table(name, entity.GetSchema()), sql);
    }

    private sealed class MappedTable(IEntityType entity, StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        public IEntityType Entity { get; } = entity;

        public string Name { get; } = sql.DelimitIdentifier(table.Name, table.Schema);

        public string Column(string property) =>
            sql.DelimitIdentifier(Property(property).GetColumnName(table)
                ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{property} has no column."));

        public Func<object?, object?> ToProvider(string property) =>
            Property(property).GetTypeMapping().Converter?.ConvertToProvider ?? (static value => value);

        public Func<object?, object?> FromProvider(string property) =>
            Property(property).GetTypeMapping().Converter?.ConvertFromProvider ?? (static value => value);

        private IProperty Property(string name) =>
            Entity.FindProperty(name) ?? throw new InvalidOperationException($"{Entity.DisplayName()} has no property {name}.");
    }
}

/// <summary>What <see cref="WebhookSql.ClaimNext"/> returns: the claimed event, times as provider values.</summary>
internal sealed class ClaimedInboxRow
{
    public string WebhookId { get; set; } = "";

    public string? Type { get; set; }

    public byte[]? Body { get; set; }

    public long? Timestamp { get; set; }

    public long ReceivedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The keys of the handlers that completed, separated by <see cref="WebhookSql.HandlerKeySeparator"/>; null when none did.</summary>
    public string? Handlers { get; set; }
}
