using System.Diagnostics;
using Npgsql;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;

/// <summary>
/// The PostgreSQL server of the test run: the one <c>DODO_TEST_POSTGRES</c> names (a connection string; <c>.ci/run</c>
/// sets it), or else a throwaway cluster started here with <c>eng/postgres.sh</c> and stopped when the test run ends.
/// Without either, the PostgreSQL tests fail with a message saying what to install: they are never skipped silently.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "DODO_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>The connection string of the server (its <c>postgres</c> database, as a superuser).</summary>
    public static Task<string> GetConnectionStringAsync() => Server.Value;

    /// <summary>Creates an empty database of its own on the server; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await GetConnectionStringAsync();
        var name = $"dodo_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Closes the pooled connections to a database <see cref="CreateDatabaseAsync"/> made, and drops it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(await GetConnectionStringAsync(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement on a database.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = FindScript();
        var folder = Path.Combine(Path.GetTempPath(), $"dodo-pg-{Guid.NewGuid():N}"[..20]);
        var (exitCode, output, error) = await RunAsync(script, "start", folder);
        if (exitCode != 0)
        {
            await RunAsync(script, "stop", folder);
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {EnvironmentVariable} to a connection string, or install Debian's postgresql " +
                $"package (apt-get install postgresql) so that eng/postgres.sh can start a throwaway one. It said: {error.Trim()}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAsync(script, "stop", folder).GetAwaiter().GetResult();
        return output.Trim().Split('\n')[^1];
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "eng", "postgres.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"eng/postgres.sh was not found above {AppContext.BaseDirectory}; set {EnvironmentVariable} instead.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, string command, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
