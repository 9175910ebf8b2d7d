using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// Moves orders on as Dodo reports payments and subscriptions. The checkout hook put <c>order_id</c> and <c>user_id</c>
/// in the checkout's metadata; Dodo sends that metadata back with every event of the checkout.
/// </summary>
/// <remarks>
/// Each event ends in one <c>SaveChangesAsync</c> on <see cref="ShopDb"/>: the order, customer and subscription changes
/// and the event's line in the webhook log. The durable webhook store runs the handler in a transaction on the same
/// context and commits the handler's completion record with it, so the changes land exactly once: a handler that
/// throws leaves nothing behind, and a redelivery of a handled event does not run it again, restarts included.
/// </remarks>
internal sealed partial class OrderWebhookHandler(ShopDb db, ShopCatalog catalog, WebhookFaults faults, TimeProvider clock, ILogger<OrderWebhookHandler> logger)
    : IPaymentSucceededHandler, IPaymentFailedHandler, ISubscriptionActiveHandler, ISubscriptionPlanChangedHandler
{
    public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(webhookEvent);
        var payment = webhookEvent.Data;
        await LinkCustomerAsync(payment.Metadata, payment.Customer.CustomerId, cancellationToken);
        string detail;
        if (OrderId(payment.Metadata) is not { } orderId)
        {
            detail = $"payment {payment.PaymentId} has no order_id in its metadata (a renewal?)";
        }
        else
        {
            var order = await db.Orders.FindAsync([orderId], cancellationToken);
            order?.RecordPayment(payment.PaymentId, payment.TotalAmount, payment.Currency, payment.SubscriptionId, clock.GetUtcNow());
            detail = OrderDetail(orderId, order, webhookEvent);
        }

        await SaveAsync(webhookEvent, detail, cancellationToken);
    }

    public async Task HandleAsync(PaymentFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(webhookEvent);
        var payment = webhookEvent.Data;
        string detail;
        if (OrderId(payment.Metadata) is not { } orderId)
        {
            detail = $"payment {payment.PaymentId} has no order_id in its metadata";
        }
        else
        {
            var order = await db.Orders.FindAsync([orderId], cancellationToken);
            order?.RecordPaymentFailure(payment.PaymentId, payment.ErrorMessage ?? payment.ErrorCode, clock.GetUtcNow());
            detail = OrderDetail(orderId, order, webhookEvent);
        }

        await SaveAsync(webhookEvent, detail, cancellationToken);
    }

    public async Task HandleAsync(SubscriptionActiveEvent webhookEvent, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(webhookEvent);
        var subscription = webhookEvent.Data;
        await LinkCustomerAsync(subscription.Metadata, subscription.Customer.CustomerId, cancellationToken);
        string detail;
        if (UserId(subscription.Metadata) is not { } userId || subscription.ProductId is null)
        {
            detail = $"subscription {subscription.SubscriptionId} has no user_id in its metadata or no product";
        }
        else
        {
            var now = clock.GetUtcNow();
            await db.SetSubscriptionAsync(subscription.SubscriptionId, userId, subscription.ProductId, "active", now, cancellationToken);
            var orderId = OrderId(subscription.Metadata);
            var order = orderId is null ? null : await db.Orders.FindAsync([orderId], cancellationToken);
            order?.RecordSubscriptionActive(subscription.SubscriptionId, subscription.ProductId, catalog.NameOf(subscription.ProductId), now);
            detail = $"subscription {subscription.SubscriptionId} active" + (order is null ? string.Empty : $"; order {order.OrderId}: {order.Status}");
            Log.OrderUpdated(logger, orderId ?? "none", order?.Status ?? "unknown", webhookEvent.Type);
        }

        await SaveAsync(webhookEvent, detail, cancellationToken);
    }

    public async Task HandleAsync(SubscriptionPlanChangedEvent webhookEvent, CancellationToken cancellationToken)
    {
        var subscription = webhookEvent.Data;
        if (await db.Subscriptions.FindAsync([subscription.SubscriptionId], cancellationToken) is { } known)
        {
            known.ProductId = subscription.ProductId ?? known.ProductId;
            known.Status = subscription.Status ?? known.Status;
            known.UpdatedAt = clock.GetUtcNow();
        }

        await SaveAsync(webhookEvent, $"subscription {subscription.SubscriptionId} now on {subscription.ProductId}", cancellationToken);
    }

    /// <summary>Adds the event's line to the webhook log and saves it with the handler's changes, in one go.</summary>
    private async Task SaveAsync(WebhookEvent webhookEvent, string detail, CancellationToken cancellationToken)
    {
        db.WebhookLog.Add(WebhookLogEntry.For(webhookEvent, WebhookLogEntry.Handled, detail, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Logs the order's new status, and describes it for the webhook log.</summary>
    private string OrderDetail(string orderId, ShopOrder? order, WebhookEvent webhookEvent)
    {
        Log.OrderUpdated(logger, orderId, order?.Status ?? "unknown", webhookEvent.Type);
        return order is null ? $"unknown order {orderId}" : $"order {orderId}: {order.Status}";
    }

    private async Task LinkCustomerAsync(IReadOnlyDictionary<string, string?> metadata, string? customerId, CancellationToken cancellationToken)
    {
        if (UserId(metadata) is { } userId && !string.IsNullOrEmpty(customerId))
        {
            await db.LinkCustomerAsync(userId, customerId, cancellationToken);
        }
    }

    private static string? OrderId(IReadOnlyDictionary<string, string?> metadata) =>
        metadata.TryGetValue("order_id", out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static string? UserId(IReadOnlyDictionary<string, string?> metadata) =>
        metadata.TryGetValue("user_id", out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Order {OrderId} is {Status} after {WebhookType}")]
        public static partial void OrderUpdated(ILogger logger, string orderId, string status, string webhookType);
    }
}
