using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>An app's own DbContext: its orders, and the webhook store's tables beside them.</summary>
public sealed class TestShopDb(DbContextOptions<TestShopDb> options) : DbContext(options)
{
    public DbSet<TestOrder> Orders => Set<TestOrder>();

    public DbSet<HandlerRun> HandlerRuns => Set<HandlerRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestOrder>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.Id);
            order.Property(o => o.PaymentId).HasMaxLength(64);
        });
        modelBuilder.Entity<HandlerRun>(run =>
        {
            run.ToTable("handler_runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasColumnName("id");
            run.Property(r => r.WebhookId).HasColumnName("webhook_id").HasMaxLength(256);
            run.Property(r => r.Instance).HasColumnName("instance").HasMaxLength(64);
        });
        modelBuilder.AddDodoWebhookStore();
    }
}

/// <summary>One run of a webhook handler, recorded in the handler's transaction: which event, on which app instance.</summary>
public sealed class HandlerRun
{
    public long Id { get; set; }

    public string WebhookId { get; set; } = "";

    public string Instance { get; set; } = "";
}

/// <summary>What a handler writes.</summary>
public sealed class TestOrder
{
    public int Id { get; set; }

    public string PaymentId { get; set; } = "";
}

/// <summary>An app's DbContext that forgot <c>AddDodoWebhookStore()</c>.</summary>
public sealed class ForgetfulShopDb(DbContextOptions<ForgetfulShopDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<TestOrder>(order => order.HasKey(o => o.Id));
}
