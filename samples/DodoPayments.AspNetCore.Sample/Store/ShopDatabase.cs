using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.Sample.Store;

/// <summary>Where the shop's SQLite database lives, and its creation on the first run.</summary>
internal static class ShopDatabase
{
    /// <summary>
    /// <c>ConnectionStrings:Shop</c> (appsettings.json: <c>Data Source=App_Data/shop.db</c>), with a relative file made
    /// absolute under the content root: the project folder under <c>dotnet run</c>, whatever the working directory.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Shop");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Shop is missing from configuration: the shop's SQLite database, e.g. \"Data Source=App_Data/shop.db\".");
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsFile(builder))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Creates the database with every table (the shop's and the webhook store's) when it does not exist yet, and its
    /// folder. <c>EnsureCreated</c> keeps the sample free of set-up steps; it never changes an existing database, so a
    /// real app uses migrations instead (<c>dotnet ef migrations add Initial</c>, then <c>Database.MigrateAsync()</c>
    /// or <c>dotnet ef database update</c>).
    /// </summary>
    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (IsFile(builder) && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.EnsureCreatedAsync();
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && builder.DataSource is { Length: > 0 } dataSource
        && dataSource != ":memory:"
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
