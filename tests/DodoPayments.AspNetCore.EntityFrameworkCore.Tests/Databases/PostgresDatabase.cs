using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>A database of its own on the run's PostgreSQL server (one per test class, so classes run in parallel safely).</summary>
public sealed class PostgresDatabase : TestDatabase
{
    private readonly string _name = $"dodo_{Guid.NewGuid():N}";
    private string? _server;

    public string ConnectionString { get; private set; } = "";

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    public override async Task InitializeAsync()
    {
        _server = await PostgresServer.GetConnectionStringAsync();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
