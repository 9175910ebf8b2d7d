using DodoPayments.AspNetCore.Sample.Shop;
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
/// throws, even after saving, leaves nothing behind (the inbox retries it), and a redelivery of a handled event does
/// not run it again, restarts included.
/// </remarks>
internal sealed partial class OrderWebhookHandler(ShopDb db, ShopCatalog catalog, WebhookFaults faults, TimeProvider clock, ILogger<OrderWebhookHandler> logger)
    : IPaymentSucceededHandler, IPaymentFailedHandler, ISubscriptionActiveHandler, ISubscriptionPlanChangedHandler, ISubscriptionUpdatedHandler
{
    public async Task HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        var payment = webhookEvent.Data;
        await LinkCustomerAsync(payment.Metadata, payment.Customer.CustomerId, cancellationToken);
        var now = clock.GetUtcNow();
        var orderId = OrderId(payment.Metadata);
        var order = orderId is null ? null : await db.Orders.FindAsync([orderId], cancellationToken);
        if ((order is null || order.IsPaidByAnotherPayment(payment.PaymentId)) && await SubscriptionChargeAsync(payment, now, cancellationToken) is { } charge)
        {
            // A later charge of a subscription (a plan change billed at once, a renewal): a line of its own.
            db.Orders.Add(charge);
            order = charge;
            orderId = charge.OrderId;
        }

        order?.RecordPayment(payment.PaymentId, payment.TotalAmount, payment.Currency, payment.SubscriptionId, now);
        var detail = orderId is null ? $"payment {payment.PaymentId} has no order_id in its metadata" : $"{OrderDetail(orderId, order)}, {ShopMoney.Format(payment.TotalAmount, payment.Currency)}";
        await SaveAsync(webhookEvent, detail, orderId, order, cancellationToken);
    }

    public async Task HandleAsync(PaymentFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        var payment = webhookEvent.Data;
        var orderId = OrderId(payment.Metadata);
        var order = orderId is null ? null : await db.Orders.FindAsync([orderId], cancellationToken);
        order?.RecordPaymentFailure(payment.PaymentId, payment.ErrorMessage ?? payment.ErrorCode, clock.GetUtcNow());
        var detail = orderId is null ? $"payment {payment.PaymentId} has no order_id in its metadata" : OrderDetail(orderId, order);
        await SaveAsync(webhookEvent, detail, orderId, order, cancellationToken);
    }

    public async Task HandleAsync(SubscriptionActiveEvent webhookEvent, CancellationToken cancellationToken)
    {
        var subscription = webhookEvent.Data;
        await LinkCustomerAsync(subscription.Metadata, subscription.Customer.CustomerId, cancellationToken);
        if (UserId(subscription.Metadata) is not { } userId || subscription.ProductId is null)
        {
            await SaveAsync(webhookEvent, $"subscription {subscription.SubscriptionId} has no user_id in its metadata or no product", orderId: null, order: null, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        await db.SetSubscriptionAsync(subscription.SubscriptionId, userId, subscription.ProductId, "active", now, cancellationToken);
        var orderId = OrderId(subscription.Metadata);
        var order = orderId is null ? null : await db.Orders.FindAsync([orderId], cancellationToken);
        order?.RecordSubscriptionActive(subscription.SubscriptionId, subscription.ProductId, catalog.NameOf(subscription.ProductId), now);
        var detail = $"subscription {subscription.SubscriptionId} active" + (order is null ? string.Empty : $"; order {order.OrderId}: {order.Status}");
        await SaveAsync(webhookEvent, detail, orderId ?? "none", order, cancellationToken);
    }

    /// <summary>The plan changed: the account page shows the new one (it polls <c>/api/account</c> after a change).</summary>
    public Task HandleAsync(SubscriptionPlanChangedEvent webhookEvent, CancellationToken cancellationToken) =>
        UpdateSubscriptionAsync(webhookEvent, webhookEvent.Data, cancellationToken);

    /// <summary>Any change of the subscription (Dodo sends the whole subscription as it is now).</summary>
    public Task HandleAsync(SubscriptionUpdatedEvent webhookEvent, CancellationToken cancellationToken) =>
        UpdateSubscriptionAsync(webhookEvent, webhookEvent.Data, cancellationToken);

    /// <summary>Records the plan and status Dodo reports for a subscription the shop knows.</summary>
    private async Task UpdateSubscriptionAsync(WebhookEvent webhookEvent, Subscription subscription, CancellationToken cancellationToken)
    {
        if (await db.Subscriptions.FindAsync([subscription.SubscriptionId], cancellationToken) is { } known)
        {
            known.ProductId = subscription.ProductId ?? known.ProductId;
            known.Status = subscription.Status ?? known.Status;
            known.UpdatedAt = clock.GetUtcNow();
        }

        var plan = subscription.ProductId is { } productId ? catalog.NameOf(productId) : "an unknown plan";
        await SaveAsync(webhookEvent, $"subscription {subscription.SubscriptionId} now on {plan}", orderId: null, order: null, cancellationToken);
    }

    /// <summary>
    /// The order line of a subscription's later charge, or null when the payment is not one or its user is unknown. A
    /// plan change names its plan in the metadata the shop's plan-change hook set; anything else is a renewal.
    /// </summary>
    private async Task<ShopOrder?> SubscriptionChargeAsync(Payment payment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (payment.SubscriptionId is not { } subscriptionId)
        {
            return null;
        }

        var known = await db.Subscriptions.FindAsync([subscriptionId], cancellationToken);
        if ((UserId(payment.Metadata) ?? known?.UserId) is not { } userId)
        {
            return null;
        }

        if (payment.Metadata.TryGetValue(ShopPlanChangeHook.PlanChangeTo, out var newPlan) && !string.IsNullOrEmpty(newPlan))
        {
            return ShopOrder.ForSubscriptionCharge(userId, $"Plan change to {catalog.NameOf(newPlan)}", newPlan, subscriptionId, now);
        }

        var productId = payment.ProductCart.Select(item => item.ProductId).FirstOrDefault(id => !string.IsNullOrEmpty(id)) ?? known?.ProductId ?? string.Empty;
        return ShopOrder.ForSubscriptionCharge(userId, $"Renewal of {catalog.NameOf(productId)}", productId, subscriptionId, now);
    }

    /// <summary>
    /// Adds the event's line to the webhook log and saves it with the handler's changes, in one go. A development switch
    /// (<see cref="WebhookFaults"/>) may then fail the handler on purpose, after the save: the webhook store's transaction
    /// rolls back what was just saved, and the inbox retries the event. Otherwise the order's new status is logged.
    /// </summary>
    private async Task SaveAsync(WebhookEvent webhookEvent, string detail, string? orderId, ShopOrder? order, CancellationToken cancellationToken)
    {
        db.WebhookLog.Add(WebhookLogEntry.For(webhookEvent, WebhookLogEntry.Handled, detail, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        faults.ThrowIfArmed(webhookEvent);
        if (orderId is not null)
        {
            Log.OrderUpdated(logger, orderId, order?.Status ?? "unknown", webhookEvent.Type);
        }
    }

    /// <summary>Describes the order's new status for the webhook log.</summary>
    private static string OrderDetail(string orderId, ShopOrder? order) =>
        order is null ? $"unknown order {orderId}" : $"order {orderId}: {order.Status}";

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
