using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Instances;

/// <summary>
/// One app instance in this process, registered as an app would be: its own <see cref="WebApplication"/> (own DI
/// container, store singleton and connection pool) serving <c>MapDodoWebhooks()</c> on a loopback port through Kestrel,
/// with <c>AddEntityFrameworkWebhookStore&lt;TestShopDb&gt;()</c> on a database other instances share, and a handler that
/// records its runs through the same <see cref="TestShopDb"/> (so a run commits with its completion record).
/// </summary>
internal sealed class WebhookAppInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookAppInstance(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public static async Task<WebhookAppInstance> StartAsync(TestDatabase database, string name, HandlerGate gate, bool inbox = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["DodoPayments:WebhookKey"] = Deliveries.Secret;
        builder.Services.AddSingleton(gate);
        builder.Services.AddSingleton(new InstanceName(name));
        builder.Services.AddDbContext<TestShopDb>(database.Configure);
        var dodo = builder.Services.AddDodoPayments()
            .AddWebhookHandler<RecordingHandler>()
            .AddEntityFrameworkWebhookStore<TestShopDb>();
        if (inbox)
        {
            dodo.UseWebhookInbox();
        }

        var app = builder.Build();
        app.MapDodoWebhooks();
        await app.StartAsync();
        return new WebhookAppInstance(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>The instance's name, recorded with each handler run.</summary>
    public sealed record InstanceName(string Value);

    /// <summary>Records its run in <c>handler_runs</c> (saved in the handler's transaction), then passes the gate.</summary>
    private sealed class RecordingHandler(TestShopDb db, InstanceName instance, HandlerGate gate) : IPaymentSucceededHandler
    {
        public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
        {
            db.HandlerRuns.Add(new HandlerRun { WebhookId = webhookEvent.Id, Instance = instance.Value });
            await db.SaveChangesAsync(cancellationToken);
            await gate.PassAsync(cancellationToken);
        }
    }
}
