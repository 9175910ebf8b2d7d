using System.Security.Cryptography;
using System.Text.Json;

namespace DodoPayments.AspNetCore.Sample.Store;

/// <summary>
/// The shop's embedded store: orders, customers, subscriptions and the webhook log in one JSON file that survives a
/// restart. Every change is written at once (to a temporary file, then moved over the old one, so a crash never leaves
/// half a file). Thread-safe: webhooks and page requests arrive concurrently. A real shop would use its database.
/// </summary>
internal sealed class ShopStore
{
    /// <summary>How many webhook log entries are kept (newest first).</summary>
    public const int WebhookLogCapacity = 200;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly ShopData _data;

    public ShopStore(string path, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _timeProvider = timeProvider;
        _data = Load(_path);
    }

    /// <summary>The file the store lives in.</summary>
    public string FilePath => _path;

    /// <summary>Creates a pending order for <paramref name="userId"/>.</summary>
    public ShopOrder CreateOrder(string userId, string description, IReadOnlyList<string> productIds) => Change(data =>
    {
        var now = _timeProvider.GetUtcNow();
        var order = new ShopOrder
        {
            OrderId = "ord_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            UserId = userId,
            Description = description,
            ProductIds = [.. productIds],
            Status = OrderStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        data.Orders.Add(order);
        return order;
    });

    /// <summary>The user's orders, newest first.</summary>
    public IReadOnlyList<ShopOrder> GetOrders(string userId) => Read(data =>
        (IReadOnlyList<ShopOrder>)[.. data.Orders.Where(order => order.UserId == userId).OrderByDescending(order => order.CreatedAt)]);

    /// <summary>The order with this id, or null.</summary>
    public ShopOrder? FindOrder(string orderId) => Read(data => data.Orders.Find(order => order.OrderId == orderId));

    /// <summary>
    /// Records a successful payment: a pending or failed order becomes paid. An active order stays active (the
    /// subscription's activation may arrive first). Idempotent: a redelivery changes nothing.
    /// </summary>
    public ShopOrder? RecordPayment(string orderId, string paymentId, long amount, string? currency, string? subscriptionId) =>
        UpdateOrder(orderId, order => order with
        {
            Status = order.Status == OrderStatus.Active ? OrderStatus.Active : OrderStatus.Paid,
            PaymentId = paymentId,
            Amount = amount,
            Currency = currency,
            SubscriptionId = subscriptionId ?? order.SubscriptionId,
            FailureReason = null,
        });

    /// <summary>Records a failed payment: only a pending order becomes failed (a late failure never undoes a payment).</summary>
    public ShopOrder? RecordPaymentFailure(string orderId, string paymentId, string? reason) =>
        UpdateOrder(orderId, order => order.Status == OrderStatus.Pending
            ? order with { Status = OrderStatus.Failed, PaymentId = paymentId, FailureReason = reason }
            : order);

    /// <summary>Records an active subscription for the user and, when the order is known, marks it active (for the plan chosen).</summary>
    public ShopOrder? RecordSubscriptionActive(string? orderId, string userId, string subscriptionId, string productId, string productName) => Change(data =>
    {
        UpsertSubscription(data, subscriptionId, userId, productId, "active");
        return orderId is null ? null : UpdateOrder(data, orderId, order => order with
        {
            Status = OrderStatus.Active,
            SubscriptionId = subscriptionId,
            ProductIds = order.ProductIds.Contains(productId) && order.ProductIds.Count == 1 ? order.ProductIds : [productId],
            Description = productName,
        });
    });

    /// <summary>Records a subscription's new plan or status (from <c>subscription.plan_changed</c> and the like).</summary>
    public void RecordSubscription(string subscriptionId, string? productId, string? status) => Change(data =>
    {
        var index = data.Subscriptions.FindIndex(subscription => subscription.SubscriptionId == subscriptionId);
        if (index >= 0)
        {
            var current = data.Subscriptions[index];
            data.Subscriptions[index] = current with
            {
                ProductId = productId ?? current.ProductId,
                Status = status ?? current.Status,
                UpdatedAt = _timeProvider.GetUtcNow(),
            };
        }

        return index >= 0;
    });

    /// <summary>Remembers the Dodo customer of a user (learned from a webhook); the latest wins.</summary>
    public void LinkCustomer(string userId, string customerId) => Change(data =>
    {
        data.Customers.RemoveAll(customer => customer.UserId == userId);
        data.Customers.Add(new ShopCustomer(userId, customerId));
        return true;
    });

    /// <summary>The Dodo customer id of a user, or null before their first payment.</summary>
    public string? FindCustomerId(string userId) => Read(data => data.Customers.Find(customer => customer.UserId == userId)?.CustomerId);

    /// <summary>The user's most recent active subscription, or null.</summary>
    public ShopSubscription? FindActiveSubscription(string userId) => Read(data => data.Subscriptions
        .Where(subscription => subscription.UserId == userId && subscription.Status == "active")
        .OrderByDescending(subscription => subscription.UpdatedAt)
        .FirstOrDefault());

    /// <summary>Every known customer.</summary>
    public IReadOnlyList<ShopCustomer> GetCustomers() => Read(data => (IReadOnlyList<ShopCustomer>)[.. data.Customers]);

    /// <summary>Every known subscription.</summary>
    public IReadOnlyList<ShopSubscription> GetSubscriptions() => Read(data => (IReadOnlyList<ShopSubscription>)[.. data.Subscriptions]);

    /// <summary>Adds an entry to the webhook log, keeping the newest <see cref="WebhookLogCapacity"/>.</summary>
    public void LogWebhook(string webhookId, string type, string outcome, string? detail) => Change(data =>
    {
        data.WebhookLog.Insert(0, new WebhookLogEntry(webhookId, type, _timeProvider.GetUtcNow(), outcome, detail));
        if (data.WebhookLog.Count > WebhookLogCapacity)
        {
            data.WebhookLog.RemoveRange(WebhookLogCapacity, data.WebhookLog.Count - WebhookLogCapacity);
        }

        return true;
    });

    /// <summary>The webhook log, newest first.</summary>
    public IReadOnlyList<WebhookLogEntry> GetWebhookLog() => Read(data => (IReadOnlyList<WebhookLogEntry>)[.. data.WebhookLog]);

    private ShopOrder? UpdateOrder(string orderId, Func<ShopOrder, ShopOrder> update) =>
        Change(data => UpdateOrder(data, orderId, update));

    private ShopOrder? UpdateOrder(ShopData data, string orderId, Func<ShopOrder, ShopOrder> update)
    {
        var index = data.Orders.FindIndex(order => order.OrderId == orderId);
        if (index < 0)
        {
            return null;
        }

        var current = data.Orders[index];
        var updated = update(current);
        if (updated != current)
        {
            data.Orders[index] = updated with { UpdatedAt = _timeProvider.GetUtcNow() };
        }

        return data.Orders[index];
    }

    private void UpsertSubscription(ShopData data, string subscriptionId, string userId, string productId, string status)
    {
        data.Subscriptions.RemoveAll(subscription => subscription.SubscriptionId == subscriptionId);
        data.Subscriptions.Add(new ShopSubscription(subscriptionId, userId, productId, status, _timeProvider.GetUtcNow()));
    }

    private T Read<T>(Func<ShopData, T> read)
    {
        lock (_lock)
        {
            return read(_data);
        }
    }

    private T Change<T>(Func<ShopData, T> change)
    {
        lock (_lock)
        {
            var result = change(_data);
            Save();
            return result;
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(_data, JsonOptions));
        File.Move(temporary, _path, overwrite: true);
    }

    private static ShopData Load(string path)
    {
        if (!File.Exists(path))
        {
            return new ShopData();
        }

        try
        {
            return JsonSerializer.Deserialize<ShopData>(File.ReadAllBytes(path), JsonOptions) ?? new ShopData();
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The shop's store {path} is not valid JSON; fix or delete it.", exception);
        }
    }
}
