using DodoPayments.AspNetCore.Sample.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>Where the shop's database goes and how it comes to exist.</summary>
public sealed class ShopDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-shop-database-").FullName;

    public void Dispose() => SampleFactory.DeleteFolder(_folder);

    private static IConfiguration Configuration(string? connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Shop"] = connectionString }).Build();

    private IHostEnvironment Environment() => new HostingEnvironment { ContentRootPath = _folder };

    [Fact]
    public void ConnectionString_RelativeFile_IsUnderTheContentRoot()
    {
        // Act
        var connectionString = ShopDatabase.ConnectionString(Configuration("Data Source=App_Data/shop.db"), Environment());

        // Assert
        Assert.Equal($"Data Source={Path.Combine(_folder, "App_Data", "shop.db")}", connectionString);
    }

    [Fact]
    public void ConnectionString_AbsoluteFile_IsKept()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), "elsewhere", "shop.db");

        // Act
        var connectionString = ShopDatabase.ConnectionString(Configuration($"Data Source={file}"), Environment());

        // Assert
        Assert.Equal($"Data Source={file}", connectionString);
    }

    [Fact]
    public void ConnectionString_Missing_ThrowsNamingTheKey()
    {
        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => ShopDatabase.ConnectionString(Configuration(null), Environment()));

        // Assert
        Assert.Contains("ConnectionStrings:Shop", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCreatedAsync_NoFolderYet_CreatesTheFolderAndEveryTable()
    {
        // Arrange
        var file = Path.Combine(_folder, "App_Data", "shop.db");
        await using var services = new ServiceCollection()
            .AddDbContext<ShopDb>(options => options.UseSqlite($"Data Source={file}"))
            .BuildServiceProvider();

        // Act
        await ShopDatabase.EnsureCreatedAsync(services);

        // Assert
        Assert.True(File.Exists(file));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Superset(new HashSet<string> { "orders", "customers", "subscriptions", "webhook_log", "dodo_webhook_events", "dodo_webhook_handlers" }, tables.ToHashSet());
    }
}
