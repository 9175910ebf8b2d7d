using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>A SQLite database in a temporary file (not in memory), reached through several pooled connections, as an app would.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dodo-webhooks-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    public override Task DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
