namespace DodoPayments.AspNetCore.Sample.Store;

/// <summary>The states an order goes through as Dodo's webhooks arrive.</summary>
internal static class OrderStatus
{
    /// <summary>Created when the checkout started; nothing heard from Dodo yet.</summary>
    public const string Pending = "pending";

    /// <summary><c>payment.succeeded</c> arrived.</summary>
    public const string Paid = "paid";

    /// <summary><c>payment.failed</c> arrived for a pending order.</summary>
    public const string Failed = "failed";

    /// <summary><c>subscription.active</c> arrived: the plan is live.</summary>
    public const string Active = "active";
}

/// <summary>An order of the shop, created pending by the checkout hook and moved on by webhooks.</summary>
internal sealed record ShopOrder
{
    public required string OrderId { get; init; }

    public required string UserId { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> ProductIds { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? PaymentId { get; init; }

    public string? SubscriptionId { get; init; }

    public long? Amount { get; init; }

    public string? Currency { get; init; }

    public string? FailureReason { get; init; }
}

/// <summary>A user of the shop known to Dodo as <see cref="CustomerId"/>.</summary>
internal sealed record ShopCustomer(string UserId, string CustomerId);

/// <summary>A subscription a user holds, as last reported by Dodo.</summary>
internal sealed record ShopSubscription(string SubscriptionId, string UserId, string ProductId, string Status, DateTimeOffset UpdatedAt);

/// <summary>One webhook delivery the app processed (or refused on purpose), for the event log of the orders page.</summary>
internal sealed record WebhookLogEntry(string WebhookId, string Type, DateTimeOffset ReceivedAt, string Outcome, string? Detail);

/// <summary>Everything the store keeps, as written to the JSON file.</summary>
internal sealed class ShopData
{
    public List<ShopOrder> Orders { get; set; } = [];

    public List<ShopCustomer> Customers { get; set; } = [];

    public List<ShopSubscription> Subscriptions { get; set; } = [];

    public List<WebhookLogEntry> WebhookLog { get; set; } = [];
}
