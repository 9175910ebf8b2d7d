using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>An app's own DbContext: its orders, and the webhook store's tables beside them.</summary>
public sealed class TestShopDb(DbContextOptions<TestShopDb> options) : DbContext(options)
{
    public DbSet<TestOrder> Orders => Set<TestOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestOrder>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.Id);
            order.Property(o => o.PaymentId).HasMaxLength(64);
        });
        modelBuilder.AddDodoWebhookStore();
    }
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
