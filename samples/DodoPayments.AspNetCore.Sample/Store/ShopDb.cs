using DodoPayments.AspNetCore.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DodoPayments.AspNetCore.Sample.Store;

/// <summary>
/// The shop's database (SQLite, <c>App_Data/shop.db</c>): orders, customers, subscriptions, the webhook log, and the
/// durable webhook store's two tables, in one context. Because the webhook store shares it, a webhook handler that
/// saves through this (scoped) context commits its changes together with its completion record: exactly once.
/// </summary>
internal sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
{
    public DbSet<ShopOrder> Orders => Set<ShopOrder>();

    public DbSet<ShopCustomer> Customers => Set<ShopCustomer>();

    public DbSet<ShopSubscription> Subscriptions => Set<ShopSubscription>();

    public DbSet<WebhookLogEntry> WebhookLog => Set<WebhookLogEntry>();

    /// <summary>The user's orders, newest first.</summary>
    public Task<List<ShopOrder>> GetOrdersAsync(string userId, CancellationToken cancellationToken) =>
        Orders.AsNoTracking().Where(order => order.UserId == userId).OrderByDescending(order => order.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The Dodo customer id of a user, or null before their first payment.</summary>
    public Task<string?> FindCustomerIdAsync(string userId, CancellationToken cancellationToken) =>
        Customers.Where(customer => customer.UserId == userId).Select(customer => customer.CustomerId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The user's most recently updated active subscription, or null.</summary>
    public Task<ShopSubscription?> FindActiveSubscriptionAsync(string userId, CancellationToken cancellationToken) =>
        Subscriptions.AsNoTracking()
            .Where(subscription => subscription.UserId == userId && subscription.Status == "active")
            .OrderByDescending(subscription => subscription.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Remembers the Dodo customer of a user (learned from a webhook); the latest wins. Saved by the caller.</summary>
    public async Task LinkCustomerAsync(string userId, string customerId, CancellationToken cancellationToken)
    {
        if (await Customers.FindAsync([userId], cancellationToken) is { } customer)
        {
            customer.CustomerId = customerId;
        }
        else
        {
            Customers.Add(new ShopCustomer { UserId = userId, CustomerId = customerId });
        }
    }

    /// <summary>Records a subscription as Dodo reported it, adding it when new. Saved by the caller.</summary>
    public async Task SetSubscriptionAsync(string subscriptionId, string userId, string productId, string status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await Subscriptions.FindAsync([subscriptionId], cancellationToken) is { } subscription)
        {
            subscription.UserId = userId;
            subscription.ProductId = productId;
            subscription.Status = status;
            subscription.UpdatedAt = now;
        }
        else
        {
            Subscriptions.Add(new ShopSubscription { SubscriptionId = subscriptionId, UserId = userId, ProductId = productId, Status = status, UpdatedAt = now });
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // SQLite has no date type and EF Core cannot order by a DateTimeOffset there: store UTC Unix milliseconds, which order like the times.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShopOrder>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.OrderId);
            order.HasIndex(o => o.UserId);
        });

        modelBuilder.Entity<ShopCustomer>(customer =>
        {
            customer.ToTable("customers");
            customer.HasKey(c => c.UserId);
        });

        modelBuilder.Entity<ShopSubscription>(subscription =>
        {
            subscription.ToTable("subscriptions");
            subscription.HasKey(s => s.SubscriptionId);
            subscription.HasIndex(s => s.UserId);
        });

        modelBuilder.Entity<WebhookLogEntry>(entry =>
        {
            entry.ToTable("webhook_log");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.WebhookId);
        });

        // The durable webhook store's tables (dodo_webhook_events, dodo_webhook_handlers), in the shop's own database.
        modelBuilder.AddDodoWebhookStore();
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        time => time.ToUnixTimeMilliseconds(),
        milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
}
