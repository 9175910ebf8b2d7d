using DodoPayments.AspNetCore.Sample.Store;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

public sealed class ShopStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dodo-shop-store-").FullName;

    private string StorePath => Path.Combine(_folder, "App_Data", "shop.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ShopStore_ReopenedOnItsFile_HasEverythingWritten()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);
        var order = store.CreateOrder("user_1", "Pro", ["pdt_pro_monthly"]);
        store.RecordPayment(order.OrderId, "pay_1", 2900, "USD", subscriptionId: null);
        store.LinkCustomer("user_1", "cus_1");
        store.RecordSubscriptionActive(order.OrderId, "user_1", "sub_1", "pdt_pro_monthly", "Pro");
        store.LogWebhook("msg_1", "payment.succeeded", "handled", "order paid");

        var reopened = new ShopStore(StorePath, TimeProvider.System);

        var saved = Assert.Single(reopened.GetOrders("user_1"));
        Assert.Equal(order.OrderId, saved.OrderId);
        Assert.Equal(OrderStatus.Active, saved.Status);
        Assert.Equal("pay_1", saved.PaymentId);
        Assert.Equal(2900, saved.Amount);
        Assert.Equal("cus_1", reopened.FindCustomerId("user_1"));
        Assert.Equal("sub_1", reopened.FindActiveSubscription("user_1")?.SubscriptionId);
        Assert.Equal("msg_1", Assert.Single(reopened.GetWebhookLog()).WebhookId);
    }

    [Fact]
    public void ShopStore_NoFileYet_StartsEmptyAndWritesNothing()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);

        Assert.Empty(store.GetOrders("user_1"));
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public void ShopStore_FileNotJson_ThrowsNamingTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, "not json");

        var exception = Assert.Throws<InvalidOperationException>(() => new ShopStore(StorePath, TimeProvider.System));

        Assert.Contains(StorePath, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShopStore_ConcurrentChanges_KeepsEveryOne()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                var order = store.CreateOrder("user_1", $"order {worker}/{i}", ["pdt_field_guide"]);
                store.RecordPayment(order.OrderId, $"pay_{worker}_{i}", 1900, "USD", subscriptionId: null);
            }
        })));

        var reopened = new ShopStore(StorePath, TimeProvider.System).GetOrders("user_1");
        Assert.Equal(200, reopened.Count);
        Assert.All(reopened, order => Assert.Equal(OrderStatus.Paid, order.Status));
        Assert.Equal(200, reopened.Select(order => order.OrderId).Distinct().Count());
    }

    [Fact]
    public void RecordPaymentFailure_AfterPayment_KeepsTheOrderPaid()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);
        var order = store.CreateOrder("user_1", "E-book", ["pdt_field_guide"]);
        store.RecordPayment(order.OrderId, "pay_1", 1900, "USD", subscriptionId: null);

        var updated = store.RecordPaymentFailure(order.OrderId, "pay_2", "declined");

        Assert.Equal(OrderStatus.Paid, updated?.Status);
    }

    [Fact]
    public void RecordPaymentFailure_PendingOrder_MarksItFailedWithTheReason()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);
        var order = store.CreateOrder("user_1", "E-book", ["pdt_field_guide"]);

        var updated = store.RecordPaymentFailure(order.OrderId, "pay_1", "declined");

        Assert.Equal(OrderStatus.Failed, updated?.Status);
        Assert.Equal("declined", updated?.FailureReason);
    }

    [Fact]
    public void RecordPayment_AfterSubscriptionActivated_KeepsTheOrderActive()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);
        var order = store.CreateOrder("user_1", "Pro", ["pdt_pro_monthly"]);
        store.RecordSubscriptionActive(order.OrderId, "user_1", "sub_1", "pdt_pro_monthly", "Pro");

        var updated = store.RecordPayment(order.OrderId, "pay_1", 2900, "USD", "sub_1");

        Assert.Equal(OrderStatus.Active, updated?.Status);
        Assert.Equal("pay_1", updated?.PaymentId);
    }

    [Fact]
    public void RecordPayment_UnknownOrder_ReturnsNull()
    {
        var store = new ShopStore(StorePath, TimeProvider.System);

        Assert.Null(store.RecordPayment("ord_unknown", "pay_1", 100, "USD", subscriptionId: null));
    }
}
