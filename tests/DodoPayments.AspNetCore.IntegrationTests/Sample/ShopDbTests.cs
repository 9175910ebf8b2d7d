using DodoPayments.AspNetCore.Sample.Store;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>The shop's database, each test on a SQLite file of its own.</summary>
public sealed class ShopDbTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-shop-db-").FullName;

    public ShopDbTests()
    {
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public void Dispose() => SampleFactory.DeleteFolder(_folder);

    private ShopDb Open() => new(new DbContextOptionsBuilder<ShopDb>().UseSqlite($"Data Source={Path.Combine(_folder, "shop.db")}").Options);

    [Fact]
    public async Task ShopDb_ReopenedOnItsFile_HasEverythingSaved()
    {
        // Arrange
        string orderId;
        await using (var db = Open())
        {
            var order = ShopOrder.Create("user_1", "Pro", ["pdt_pro_monthly"], Now);
            order.RecordPayment("pay_1", 2900, "USD", subscriptionId: null, Now);
            order.RecordSubscriptionActive("sub_1", "pdt_pro_monthly", "Pro", Now);
            db.Orders.Add(order);
            await db.LinkCustomerAsync("user_1", "cus_1", CancellationToken.None);
            await db.SetSubscriptionAsync("sub_1", "user_1", "pdt_pro_monthly", "active", Now, CancellationToken.None);
            await db.SaveChangesAsync();
            orderId = order.OrderId;
        }

        // Act
        await using var reopened = Open();

        // Assert
        var saved = Assert.Single(await reopened.GetOrdersAsync("user_1", CancellationToken.None));
        Assert.Equal(orderId, saved.OrderId);
        Assert.Equal(OrderStatus.Active, saved.Status);
        Assert.Equal(["pdt_pro_monthly"], saved.ProductIds);
        Assert.Equal("pay_1", saved.PaymentId);
        Assert.Equal(2900, saved.Amount);
        Assert.Equal(Now, saved.CreatedAt);
        Assert.Equal("cus_1", await reopened.FindCustomerIdAsync("user_1", CancellationToken.None));
        Assert.Equal("sub_1", (await reopened.FindActiveSubscriptionAsync("user_1", CancellationToken.None))?.SubscriptionId);
    }

    [Fact]
    public async Task GetOrdersAsync_SeveralOrders_NewestFirstAndOnlyTheUsers()
    {
        // Arrange
        await using (var db = Open())
        {
            db.Orders.Add(ShopOrder.Create("user_1", "first", ["pdt_field_guide"], Now));
            db.Orders.Add(ShopOrder.Create("user_1", "third", ["pdt_field_guide"], Now.AddSeconds(2)));
            db.Orders.Add(ShopOrder.Create("user_1", "second", ["pdt_field_guide"], Now.AddSeconds(1)));
            db.Orders.Add(ShopOrder.Create("user_2", "someone else's", ["pdt_field_guide"], Now.AddSeconds(3)));
            await db.SaveChangesAsync();
        }

        // Act
        await using var reader = Open();
        var orders = await reader.GetOrdersAsync("user_1", CancellationToken.None);

        // Assert
        Assert.Equal(["third", "second", "first"], orders.Select(order => order.Description));
    }

    [Fact]
    public async Task LinkCustomerAsync_SecondCustomerForTheUser_TheLatestWins()
    {
        // Arrange
        await using (var db = Open())
        {
            await db.LinkCustomerAsync("user_1", "cus_old", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        // Act
        await using (var db = Open())
        {
            await db.LinkCustomerAsync("user_1", "cus_new", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        // Assert
        await using var reader = Open();
        Assert.Equal("cus_new", await reader.FindCustomerIdAsync("user_1", CancellationToken.None));
        Assert.Equal(1, await reader.Customers.CountAsync());
    }

    [Fact]
    public async Task FindActiveSubscriptionAsync_OneCancelledOneActive_ReturnsTheActiveOne()
    {
        // Arrange
        await using (var db = Open())
        {
            await db.SetSubscriptionAsync("sub_old", "user_1", "pdt_starter_monthly", "cancelled", Now.AddSeconds(5), CancellationToken.None);
            await db.SetSubscriptionAsync("sub_new", "user_1", "pdt_pro_monthly", "active", Now, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        // Act
        await using var reader = Open();
        var active = await reader.FindActiveSubscriptionAsync("user_1", CancellationToken.None);

        // Assert
        Assert.Equal("sub_new", active?.SubscriptionId);
    }

    [Fact]
    public async Task ShopDb_ConcurrentContexts_KeepEveryChange()
    {
        // Act: writers on their own connections, as concurrent requests and webhooks are
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var db = Open();
                var order = ShopOrder.Create("user_1", $"order {worker}/{i}", ["pdt_field_guide"], Now);
                db.Orders.Add(order);
                await db.SaveChangesAsync();
                order.RecordPayment($"pay_{worker}_{i}", 1900, "USD", subscriptionId: null, Now);
                await db.SaveChangesAsync();
            }
        })));

        // Assert
        await using var reader = Open();
        var orders = await reader.GetOrdersAsync("user_1", CancellationToken.None);
        Assert.Equal(40, orders.Count);
        Assert.All(orders, order => Assert.Equal(OrderStatus.Paid, order.Status));
    }
}
