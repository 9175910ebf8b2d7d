using System.Security.Cryptography;
using DodoPayments.AspNetCore.Webhooks;

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

    /// <summary>
    /// Shown, never stored: a checkout started but not paid within the shop's window (<c>Shop:AbandonCheckoutAfter</c>).
    /// The stored status stays pending, so a payment that arrives later still marks the order paid.
    /// </summary>
    public const string Abandoned = "abandoned";
}

/// <summary>
/// An order of the shop (table <c>orders</c>), created pending by the checkout hook and moved on by webhooks. The
/// methods only change the tracked entity; the caller saves, so a webhook handler's changes commit together with its
/// completion record.
/// </summary>
internal sealed class ShopOrder
{
    public required string OrderId { get; init; }

    public required string UserId { get; init; }

    public required string Description { get; set; }

    public required List<string> ProductIds { get; set; }

    public required string Status { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? PaymentId { get; set; }

    public string? SubscriptionId { get; set; }

    public long? Amount { get; set; }

    public string? Currency { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>A new pending order for <paramref name="userId"/>, with an id the browser cannot guess.</summary>
    public static ShopOrder Create(string userId, string description, IEnumerable<string> productIds, DateTimeOffset now) => new()
    {
        OrderId = "ord_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        UserId = userId,
        Description = description,
        ProductIds = [.. productIds],
        Status = OrderStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// A paid order for a later charge of a subscription (a plan change billed at once, a renewal): Dodo's
    /// <c>payment.succeeded</c> carries the subscription, not an order the shop created.
    /// </summary>
    public static ShopOrder ForSubscriptionCharge(string userId, string description, string productId, string subscriptionId, DateTimeOffset now)
    {
        var order = Create(userId, description, [productId], now);
        order.SubscriptionId = subscriptionId;
        return order;
    }

    /// <summary>
    /// The status to show at <paramref name="now"/>: <see cref="OrderStatus.Abandoned"/> for an order still pending
    /// <paramref name="abandonAfter"/> after its checkout started, otherwise the stored status.
    /// </summary>
    public string StatusAt(DateTimeOffset now, TimeSpan abandonAfter) =>
        Status == OrderStatus.Pending && now - CreatedAt >= abandonAfter ? OrderStatus.Abandoned : Status;

    /// <summary>
    /// Whether a successful payment is a later charge of this order's subscription rather than the order's own payment:
    /// the order was already paid by another payment (Dodo sends the subscription's metadata, and so this order's id,
    /// with the charges of its plan changes and renewals).
    /// </summary>
    public bool IsPaidByAnotherPayment(string paymentId) =>
        Status is OrderStatus.Paid or OrderStatus.Active
        && PaymentId is { } paid
        && !string.Equals(paid, paymentId, StringComparison.Ordinal);

    /// <summary>
    /// A successful payment: a pending or failed order becomes paid. An active order stays active (the subscription's
    /// activation may arrive first). Setting, not toggling, so applying it twice changes nothing more.
    /// </summary>
    public void RecordPayment(string paymentId, long amount, string? currency, string? subscriptionId, DateTimeOffset now)
    {
        Status = Status == OrderStatus.Active ? OrderStatus.Active : OrderStatus.Paid;
        PaymentId = paymentId;
        Amount = amount;
        Currency = currency;
        SubscriptionId = subscriptionId ?? SubscriptionId;
        FailureReason = null;
        UpdatedAt = now;
    }

    /// <summary>A failed payment: only a pending order becomes failed (a late failure never undoes a payment).</summary>
    public void RecordPaymentFailure(string paymentId, string? reason, DateTimeOffset now)
    {
        if (Status != OrderStatus.Pending)
        {
            return;
        }

        Status = OrderStatus.Failed;
        PaymentId = paymentId;
        FailureReason = reason;
        UpdatedAt = now;
    }

    /// <summary>The subscription is active: the order becomes active, for the plan chosen (on a collection's checkout, the customer picks it).</summary>
    public void RecordSubscriptionActive(string subscriptionId, string productId, string productName, DateTimeOffset now)
    {
        Status = OrderStatus.Active;
        SubscriptionId = subscriptionId;
        ProductIds = [productId];
        Description = productName;
        UpdatedAt = now;
    }
}

/// <summary>A user of the shop known to Dodo as <see cref="CustomerId"/> (table <c>customers</c>, one row per user).</summary>
internal sealed class ShopCustomer
{
    public required string UserId { get; init; }

    public required string CustomerId { get; set; }
}

/// <summary>A subscription a user holds, as last reported by Dodo (table <c>subscriptions</c>).</summary>
internal sealed class ShopSubscription
{
    public required string SubscriptionId { get; init; }

    public required string UserId { get; set; }

    public required string ProductId { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One webhook the shop handled (table <c>webhook_log</c>), for the event log of the orders page. Written by the
/// handler that handled the event, in the same save as its changes, so the line and the change land together.
/// </summary>
internal sealed class WebhookLogEntry
{
    /// <summary>The outcome of a webhook whose handlers ran.</summary>
    public const string Handled = "handled";

    /// <summary>Insertion order (newest is highest).</summary>
    public long Id { get; init; }

    public required string WebhookId { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Outcome { get; init; }

    public string? Detail { get; init; }

    /// <summary>A line for <paramref name="webhookEvent"/>, received <paramref name="now"/>.</summary>
    public static WebhookLogEntry For(WebhookEvent webhookEvent, string outcome, string? detail, DateTimeOffset now) => new()
    {
        WebhookId = webhookEvent.Id,
        Type = webhookEvent.Type,
        ReceivedAt = now,
        Outcome = outcome,
        Detail = detail,
    };
}
