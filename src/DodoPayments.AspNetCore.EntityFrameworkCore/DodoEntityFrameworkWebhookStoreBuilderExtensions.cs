using DodoPayments.AspNetCore.EntityFrameworkCore.Storage;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DodoPayments.AspNetCore.EntityFrameworkCore;

/// <summary>Keeps webhook state in the app's own database through EF Core, on the builder <c>AddDodoPayments</c> returns.</summary>
public static class DodoEntityFrameworkWebhookStoreBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory webhook store with one in <typeparamref name="TContext"/>'s database: claims, handler
    /// completions and the inbox survive restarts and are shared by every instance. Each handler that writes through
    /// <typeparamref name="TContext"/> commits its changes and its completion record in one transaction. Processed
    /// events are deleted in the background once <c>DodoPayments:Webhooks:IdempotencyRetention</c> has passed.
    /// </summary>
    /// <remarks>
    /// <typeparamref name="TContext"/> must be registered (<c>AddDbContext</c>), call
    /// <see cref="DodoWebhookModelBuilderExtensions.AddDodoWebhookStore"/> in its <c>OnModelCreating</c> (the app's
    /// migrations create the tables), and must not use a retrying execution strategy (<c>EnableRetryOnFailure</c>):
    /// the app refuses to start otherwise, with a message saying which.
    /// </remarks>
    /// <typeparam name="TContext">The app's <see cref="DbContext"/>.</typeparam>
    /// <param name="builder">The builder <c>AddDodoPayments</c> returned.</param>
    /// <returns>The builder, to chain.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddDbContext&lt;ShopDb&gt;(o =&gt; o.UseSqlite("Data Source=shop.db"));
    /// builder.Services.AddDodoPayments()
    ///     .AddWebhookHandler&lt;FulfilOrder&gt;()
    ///     .AddEntityFrameworkWebhookStore&lt;ShopDb&gt;();
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder AddEntityFrameworkWebhookStore<TContext>(this IDodoPaymentsBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EntityFrameworkWebhookStore<TContext>>();

        // Replace, not TryAdd: the in-memory default is registered already, and the durable store must win.
        services.RemoveAll<IWebhookIdempotencyStore>();
        services.AddSingleton<IWebhookIdempotencyStore>(static provider => provider.GetRequiredService<EntityFrameworkWebhookStore<TContext>>());
        services.RemoveAll<IWebhookInboxStore>();
        services.AddSingleton<IWebhookInboxStore>(static provider => provider.GetRequiredService<EntityFrameworkWebhookStore<TContext>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookRecordPurger<TContext>>());
        return builder;
    }
}
