using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// Moves orders on as Dodo reports payments and subscriptions. The checkout hook put <c>order_id</c> and <c>user_id</c>
/// in the checkout's metadata; Dodo sends that metadata back with every event of the checkout. Every step is idempotent
/// (setting a state, not toggling it), because Dodo may deliver an event more than once.
/// </summary>
internal sealed partial class OrderWebhookHandler(ShopStore store, ShopCatalog catalog, WebhookNotes notes, WebhookFaults faults, ILogger<OrderWebhookHandler> logger)
    : IPaymentSucceededHandler, IPaymentFailedHandler, ISubscriptionActiveHandler, ISubscriptionPlanChangedHandler
{
    public Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        FailIfAsked(webhookEvent);
        var payment = webhookEvent.Data;
        LinkCustomer(payment.Metadata, payment.Customer.CustomerId);
        if (OrderId(payment.Metadata) is not { } orderId)
        {
            notes.Detail = $"payment {payment.PaymentId} has no order_id in its metadata (a renewal?)";
            return Task.CompletedTask;
        }

        var order = store.RecordPayment(orderId, payment.PaymentId, payment.TotalAmount, payment.Currency, payment.SubscriptionId);
        notes.Detail = order is null ? $"unknown order {orderId}" : $"order {orderId}: {order.Status}";
        Log.OrderUpdated(logger, orderId, order?.Status ?? "unknown", webhookEvent.Type);
        return Task.CompletedTask;
    }

    public Task HandleAsync(PaymentFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        FailIfAsked(webhookEvent);
        var payment = webhookEvent.Data;
        if (OrderId(payment.Metadata) is not { } orderId)
        {
            notes.Detail = $"payment {payment.PaymentId} has no order_id in its metadata";
            return Task.CompletedTask;
        }

        var order = store.RecordPaymentFailure(orderId, payment.PaymentId, payment.ErrorMessage ?? payment.ErrorCode);
        notes.Detail = order is null ? $"unknown order {orderId}" : $"order {orderId}: {order.Status}";
        Log.OrderUpdated(logger, orderId, order?.Status ?? "unknown", webhookEvent.Type);
        return Task.CompletedTask;
    }

    public Task HandleAsync(SubscriptionActiveEvent webhookEvent, CancellationToken cancellationToken)
    {
        FailIfAsked(webhookEvent);
        var subscription = webhookEvent.Data;
        LinkCustomer(subscription.Metadata, subscription.Customer.CustomerId);
        if (UserId(subscription.Metadata) is not { } userId || subscription.ProductId is null)
        {
            notes.Detail = $"subscription {subscription.SubscriptionId} has no user_id in its metadata or no product";
            return Task.CompletedTask;
        }

        var orderId = OrderId(subscription.Metadata);
        var order = store.RecordSubscriptionActive(orderId, userId, subscription.SubscriptionId, subscription.ProductId, catalog.NameOf(subscription.ProductId));
        notes.Detail = $"subscription {subscription.SubscriptionId} active" + (order is null ? string.Empty : $"; order {order.OrderId}: {order.Status}");
        Log.OrderUpdated(logger, orderId ?? "none", order?.Status ?? "unknown", webhookEvent.Type);
        return Task.CompletedTask;
    }

    public Task HandleAsync(SubscriptionPlanChangedEvent webhookEvent, CancellationToken cancellationToken)
    {
        var subscription = webhookEvent.Data;
        store.RecordSubscription(subscription.SubscriptionId, subscription.ProductId, subscription.Status);
        notes.Detail = $"subscription {subscription.SubscriptionId} now on {subscription.ProductId}";
        return Task.CompletedTask;
    }

    private void FailIfAsked(WebhookEvent webhookEvent)
    {
        if (faults.TryConsume())
        {
            store.LogWebhook(webhookEvent.Id, webhookEvent.Type, "failed on purpose (500)", "the sender retries with the same webhook-id");
            throw new InvalidOperationException("Failing this delivery on purpose (the 'fail the next webhook' switch), so it is retried.");
        }
    }

    private void LinkCustomer(IReadOnlyDictionary<string, string?> metadata, string customerId)
    {
        if (UserId(metadata) is { } userId && !string.IsNullOrEmpty(customerId))
        {
            store.LinkCustomer(userId, customerId);
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
