using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>A database the tests' app instances share, with the schema of <see cref="TestShopDb"/> created.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>Points a <see cref="DbContext"/> at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    public TestShopDb CreateContext()
    {
        var options = new DbContextOptionsBuilder<TestShopDb>();
        Configure(options);
        return new TestShopDb(options.Options);
    }

    public virtual async Task InitializeAsync()
    {
        await using var db = CreateContext();
        await db.Database.EnsureCreatedAsync();
    }

    public abstract Task DisposeAsync();

    /// <summary>Empties every table, so a test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var db = CreateContext();
        await db.Set<DodoWebhookHandlerRecord>().ExecuteDeleteAsync();
        await db.Set<DodoWebhookEventRecord>().ExecuteDeleteAsync();
        await db.Orders.ExecuteDeleteAsync();
        await db.HandlerRuns.ExecuteDeleteAsync();
    }
}
