using System.Globalization;
using System.Text;
using DodoPayments.AspNetCore;
using DodoPayments.AspNetCore.EntityFrameworkCore;
using DodoPayments.AspNetCore.LoadApp;
using DodoPayments.AspNetCore.Testing;
using Microsoft.EntityFrameworkCore;

// The app the load script (eng/load.sh) drives with wrk, and the signer of its deliveries:
//   LoadApp sign <count> <file> <prefix>   pre-signs <count> unique payment.succeeded deliveries, one a line
//   LoadApp [--urls http://127.0.0.1:PORT] [--Load:Store memory|sqlite|postgres] [--Load:Connection …]
//       serves POST /api/webhook (the package, with the chosen idempotency store) and POST /bare (a no-op minimal API)
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
var store = builder.Configuration["Load:Store"] ?? "memory";
var connection = builder.Configuration["Load:Connection"];
switch (store)
{
    case "memory":
        break;
    case "sqlite":
        builder.Services.AddDbContext<LoadDb>(options => options.UseSqlite(connection ?? "Data Source=load.db"));
        dodo.AddEntityFrameworkWebhookStore<LoadDb>();
        break;
    case "postgres":
        builder.Services.AddDbContext<LoadDb>(options => options.UseNpgsql(connection));
        dodo.AddEntityFrameworkWebhookStore<LoadDb>();
        break;
    default:
        throw new InvalidOperationException($"Load:Store must be memory, sqlite or postgres, not '{store}'.");
}

var app = builder.Build();
if (store != "memory")
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<LoadDb>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
}

app.MapDodoWebhooks();
app.MapPost("/bare", static () => TypedResults.Ok());
app.MapGet("/count", static () => TypedResults.Ok(CountingHandler.Count));
app.Run();
