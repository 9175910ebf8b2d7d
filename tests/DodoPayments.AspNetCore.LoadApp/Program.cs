using System.Globalization;
using System.Text;
using DodoPayments.AspNetCore;
using DodoPayments.AspNetCore.EntityFrameworkCore;
using DodoPayments.AspNetCore.LoadApp;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;

// The app the load script (eng/load.sh) drives with wrk, the signer of its deliveries, and the app instance the
// multi-instance tests start as a real process (and kill):
//   LoadApp sign <count> <file> <prefix>   pre-signs <count> unique payment.succeeded deliveries, one a line
//   LoadApp [--urls http://127.0.0.1:PORT] [--Load:Store memory|none|sqlite|postgres] [--Load:Connection …]
//       serves POST /api/webhook (the package, with the chosen idempotency store) and POST /bare (a no-op minimal API);
//       GET /count (handler runs in this process), GET /backlog (inbox events not yet processed) and GET /stats (GC
//       collections and pause time, lock contentions, bytes allocated: RuntimeStats), and writes
//       "listening <address>" to stdout once it serves (so --urls http://127.0.0.1:0 works). Further options:
//   --Load:Inbox true          UseWebhookInbox(): answer once stored, handle in the background
//   --Load:Reset false         keep the database (default: drop and create it at start)
//   --Load:SqliteWal true      put the SQLite database in WAL mode at start
//   --Load:ContextPool true    register the context with AddDbContextPool instead of AddDbContext
//   --Load:RecordRuns true     a handler that records each run in handler_runs, in the handler's transaction
//   --Load:BlockHandlers true  that handler then writes "handler-started <webhook-id>" to stdout and never returns
if (args.Length > 0 && args[0] == "sign")
{
    var count = int.Parse(args[1], CultureInfo.InvariantCulture);
    var signer = new DodoWebhookSigner(LoadSettings.Secret);
    var now = DateTimeOffset.UtcNow;
    var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    await using var output = new StreamWriter(args[2], append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    for (var i = 0; i < count; i++)
    {
        var id = $"{args[3]}_{i:D8}";
        var body = LoadSettings.PaymentSucceeded(id);
        await output.WriteLineAsync($"{id}\t{timestamp}\t{signer.Sign(id, now, body)}\t{body}");
    }

    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["DodoPayments:WebhookKey"] = LoadSettings.Secret;
var dodo = builder.Services.AddDodoPayments().AddWebhookHandler<CountingHandler>();
if (builder.Configuration.GetValue<bool>("Load:RecordRuns"))
{
    dodo.AddWebhookHandler<RecordingHandler>();
}

var store = builder.Configuration["Load:Store"] ?? "memory";
var connection = builder.Configuration["Load:Connection"];
// An app registers its context with AddDbContext (options built per scope, a new context each time) or with
// AddDbContextPool (options built once, contexts reused): --Load:ContextPool true measures the latter.
void AddLoadDb(Action<DbContextOptionsBuilder> configure)
{
    if (builder.Configuration.GetValue<bool>("Load:ContextPool"))
    {
        builder.Services.AddDbContextPool<LoadDb>(configure);
    }
    else
    {
        builder.Services.AddDbContext<LoadDb>(configure);
    }

    dodo.AddEntityFrameworkWebhookStore<LoadDb>();
}

switch (store)
{
    case "memory":
        break;
    case "none":
        builder.Services.AddSingleton<IWebhookIdempotencyStore, ForgetfulStore>();
        break;
    case "sqlite":
        AddLoadDb(options => options.UseSqlite(connection ?? "Data Source=load.db"));
        break;
    case "postgres":
        AddLoadDb(options => options.UseNpgsql(connection));
        break;
    default:
        throw new InvalidOperationException($"Load:Store must be memory, none, sqlite or postgres, not '{store}'.");
}

if (builder.Configuration.GetValue<bool>("Load:Inbox"))
{
    dodo.UseWebhookInbox();
}

var app = builder.Build();
if (store is not ("memory" or "none"))
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<LoadDb>();
    if (app.Configuration.GetValue("Load:Reset", defaultValue: true))
    {
        await db.Database.EnsureDeletedAsync();
    }

    await db.Database.EnsureCreatedAsync();
    if (store == "sqlite" && app.Configuration.GetValue<bool>("Load:SqliteWal"))
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL");
    }
}

app.MapDodoWebhooks();
app.MapPost("/bare", static () => TypedResults.Ok());
app.MapGet("/count", static () => TypedResults.Ok(CountingHandler.Count));
app.MapGet("/stats", static () => TypedResults.Text(RuntimeStats.Read()));
app.MapGet("/backlog", static async (IServiceProvider services) =>
{
    var db = services.GetService<LoadDb>();
    return TypedResults.Ok(db is null ? 0 : await db.Set<DodoWebhookEventRecord>().CountAsync(e => e.State == DodoWebhookInboxState.Pending));
});
await app.StartAsync();
Console.Out.WriteLine($"listening {app.Urls.First()}");
await app.WaitForShutdownAsync();
