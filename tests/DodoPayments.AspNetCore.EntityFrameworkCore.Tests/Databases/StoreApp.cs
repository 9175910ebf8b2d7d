using System.Collections.Concurrent;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>
/// One app instance: its own service provider (its own DbContexts, connection pool and store) over a shared database,
/// registered as an app would: <c>AddDbContext</c>, <c>AddDodoPayments().AddEntityFrameworkWebhookStore</c>.
/// </summary>
internal sealed class StoreApp : IAsyncDisposable
{
    public StoreApp(TestDatabase database, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddDbContext<TestShopDb>(options =>
        {
            database.Configure(options);
            options.LogTo(DatabaseErrors.Enqueue, LogLevel.Error);
        });
        services.AddDodoPayments().AddEntityFrameworkWebhookStore<TestShopDb>();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public ServiceProvider Services { get; }

    /// <summary>What EF Core logged as errors (a failed command, a failed save) in this instance.</summary>
    public ConcurrentQueue<string> DatabaseErrors { get; } = new();

    public IWebhookIdempotencyStore Store => Services.GetRequiredService<IWebhookIdempotencyStore>();

    public IWebhookInboxStore Inbox => Services.GetRequiredService<IWebhookInboxStore>();

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>
    /// Runs a handler the way the webhook pipeline does: in a scope of its own, between <c>BeginHandlerAsync</c> and
    /// <c>CommitAsync</c>. The handler records an order for <paramref name="paymentId"/>, then succeeds or throws.
    /// </summary>
    public async Task RunHandlerAsync(WebhookClaim claim, string handlerKey, string paymentId, bool fails = false)
    {
        await using var scope = CreateScope();
        await using var run = await Store.BeginHandlerAsync(claim, handlerKey, scope.ServiceProvider, CancellationToken.None);
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<TestShopDb>();
            db.Orders.Add(new TestOrder { PaymentId = paymentId });
            await db.SaveChangesAsync();
            if (fails)
            {
                throw new InvalidOperationException("The handler failed after saving.");
            }
        }
        catch (InvalidOperationException) when (fails)
        {
            return;
        }

        await run.CommitAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
