using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>A database of its own on the run's PostgreSQL server (one per test class, so classes run in parallel safely).</summary>
public sealed class PostgresDatabase : TestDatabase
{
    public string ConnectionString { get; private set; } = "";

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    public override async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    public override Task DisposeAsync() =>
        ConnectionString.Length == 0 ? Task.CompletedTask : PostgresServer.DropDatabaseAsync(ConnectionString);
}
