using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Sample.Webhooks;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>
/// The small JSON API the shop's pages use: the catalogue, the signed-in account, the orders with the webhooks (from
/// <see cref="IDodoWebhookInbox"/>), the replay of a dead webhook, and, with the stand-in, the switches that fail
/// webhooks on purpose.
/// </summary>
internal static class ShopEndpoints
{
    /// <summary>How many webhooks the orders page shows (newest first).</summary>
    public const int WebhooksShown = 200;

    public static void MapShopApi(this IEndpointRouteBuilder endpoints, DodoApiStandIn? standIn)
    {
        var mode = standIn is null ? "dodo" : "stand-in";

        endpoints.MapGet("/api/shop", (ShopCatalog catalog) => new ShopInfo(mode, catalog.CollectionId, catalog.Products));

        endpoints.MapGet("/api/account", async (HttpContext context, ShopDb db, ShopCatalog catalog) =>
        {
            if (context.User.GetUserId() is not { } userId)
            {
                return new AccountInfo(false, null, null, null, null);
            }

            var subscription = await db.FindActiveSubscriptionAsync(userId, context.RequestAborted);
            return new AccountInfo(
                true,
                DemoUser.Name,
                DemoUser.Email,
                await db.FindCustomerIdAsync(userId, context.RequestAborted),
                subscription is null ? null : new SubscriptionInfo(subscription.SubscriptionId, subscription.ProductId, catalog.NameOf(subscription.ProductId), subscription.Status));
        });

        // A checkout not paid within this window shows as abandoned (Dodo's checkout sessions live 24 h; most customers
        // who will pay do so within minutes).
        var abandonAfter = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<TimeSpan?>("Shop:AbandonCheckoutAfter") ?? TimeSpan.FromMinutes(30);

        endpoints.MapGet("/api/orders", async Task<IResult> (HttpContext context, ShopDb db, ShopCatalog catalog, IDodoWebhookInbox inbox, WebhookFaults faults, TimeProvider clock) =>
            context.User.GetUserId() is { } userId
                ? TypedResults.Ok(new OrdersInfo(
                    await OrdersAsync(db, catalog, userId, clock.GetUtcNow(), abandonAfter, context.RequestAborted),
                    await WebhooksAsync(db, inbox, context.RequestAborted),
                    standIn?.WebhookDeliveries.Select(delivery => new DeliveryInfo(delivery.WebhookId, delivery.Type, delivery.Attempt, delivery.StatusCode, delivery.Succeeded)).Reverse().ToList(),
                    standIn is null ? null : faults.Current))
                : TypedResults.Unauthorized());

        // A dead webhook runs again once its cause is fixed. JSON only (a cross-site form cannot send it, and the
        // SameSite=Lax cookie stays home on cross-site POSTs anyway); signed in only. A real shop lets only its staff do this.
        endpoints.MapPost("/api/webhooks/replay", async Task<Results<Accepted, ProblemHttpResult>> (ReplayRequest request, IDodoWebhookInbox inbox, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrEmpty(request.WebhookId) || await inbox.FindAsync(request.WebhookId, cancellationToken) is not { } entry)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such webhook in the inbox.");
                }

                if (entry.State != DodoWebhookInboxState.Dead)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a dead webhook is replayed from here.", detail: $"It is {StateName(entry.State)}.");
                }

                return await inbox.ReplayAsync(entry.WebhookId, cancellationToken)
                    ? TypedResults.Accepted((string?)null)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such webhook in the inbox.");
            })
            .RequireAuthorization();

        if (standIn is not null)
        {
            endpoints.MapPost("/api/dev/fail-next-webhook", (WebhookFaults faults) =>
            {
                faults.FailNextOnce();
                return TypedResults.NoContent();
            });
            endpoints.MapPost("/api/dev/fail-next-webhook-always", (WebhookFaults faults) =>
            {
                faults.FailNextAlways();
                return TypedResults.NoContent();
            });
            endpoints.MapPost("/api/dev/stop-failing-webhooks", (WebhookFaults faults) =>
            {
                faults.StopFailing();
                return TypedResults.NoContent();
            });
        }
    }

    /// <summary>
    /// The user's orders, newest first, each with the status to show now (abandoned once a checkout waited too long) and,
    /// for a subscription, the plan it is on now, which a plan change may have moved away from the plan bought.
    /// </summary>
    private static async Task<List<OrderInfo>> OrdersAsync(ShopDb db, ShopCatalog catalog, string userId, DateTimeOffset now, TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        var orders = await db.GetOrdersAsync(userId, cancellationToken);
        var plans = await db.Subscriptions.AsNoTracking()
            .Where(subscription => subscription.UserId == userId)
            .ToDictionaryAsync(subscription => subscription.SubscriptionId, subscription => subscription.ProductId, cancellationToken);
        return [.. orders.Select(order => new OrderInfo(
            order.OrderId,
            order.Description,
            order.StatusAt(now, abandonAfter),
            order.Amount,
            order.Currency,
            order.PaymentId,
            order.SubscriptionId,
            order.SubscriptionId is { } subscriptionId && plans.TryGetValue(subscriptionId, out var productId) ? new PlanInfo(productId, catalog.NameOf(productId)) : null,
            order.CreatedAt))];
    }

    /// <summary>
    /// The webhook table: the inbox's events in every state (what ran, what waits for a retry, what is dead), newest
    /// first, each with the line its handler saved in the shop's webhook log. A log line whose id the inbox no longer
    /// holds (processed events are forgotten after DodoPayments:Webhooks:IdempotencyRetention, 72 h) shows as processed:
    /// its handler committed it.
    /// </summary>
    private static async Task<List<WebhookInfo>> WebhooksAsync(ShopDb db, IDodoWebhookInbox inbox, CancellationToken cancellationToken)
    {
        var entries = new List<DodoWebhookInboxEntry>();
        foreach (var state in Enum.GetValues<DodoWebhookInboxState>())
        {
            entries.AddRange(await inbox.ListAsync(state, WebhooksShown, cancellationToken));
        }

        var log = await db.WebhookLog.AsNoTracking().OrderByDescending(entry => entry.Id).Take(WebhooksShown).ToListAsync(cancellationToken);
        var details = log.DistinctBy(line => line.WebhookId).ToDictionary(line => line.WebhookId, line => line.Detail);   // the newest line of each id
        var inInbox = entries.Select(entry => entry.WebhookId).ToHashSet();
        return [.. entries
            .Select(entry => new WebhookInfo(
                entry.WebhookId, entry.Type, entry.ReceivedAt, StateName(entry.State), entry.Attempts, entry.LastError, entry.NextAttemptAt, entry.ProcessedAt,
                details.GetValueOrDefault(entry.WebhookId)))
            .Concat(log
                .Where(line => !inInbox.Contains(line.WebhookId))
                .DistinctBy(line => line.WebhookId)
                .Select(line => new WebhookInfo(line.WebhookId, line.Type, line.ReceivedAt, StateName(DodoWebhookInboxState.Processed), null, null, null, null, line.Detail)))
            .OrderByDescending(webhook => webhook.ReceivedAt)
            .Take(WebhooksShown)];
    }

    private static string StateName(DodoWebhookInboxState state) => state switch
    {
        DodoWebhookInboxState.Pending => "pending",
        DodoWebhookInboxState.Processed => "processed",
        DodoWebhookInboxState.Dead => "dead",
        _ => state.ToString().ToLowerInvariant(),
    };
}

/// <summary>What the pricing page shows: which API the shop talks to and what it sells.</summary>
internal sealed record ShopInfo(string Mode, string CollectionId, IReadOnlyList<ShopProduct> Products);

/// <summary>The signed-in user, their Dodo customer (once known) and their active subscription.</summary>
internal sealed record AccountInfo(bool SignedIn, string? Name, string? Email, string? CustomerId, SubscriptionInfo? Subscription);

/// <summary>A subscription as the account page shows it.</summary>
internal sealed record SubscriptionInfo(string SubscriptionId, string ProductId, string ProductName, string Status);

/// <summary>
/// The orders page: the user's orders, the webhooks and, with the stand-in, its delivery attempts and the development
/// switches that fail webhooks on purpose.
/// </summary>
internal sealed record OrdersInfo(IReadOnlyList<OrderInfo> Orders, IReadOnlyList<WebhookInfo> Webhooks, IReadOnlyList<DeliveryInfo>? Deliveries, WebhookFaultsInfo? Faults);

/// <summary>
/// One row of the orders page: <paramref name="Status"/> is <c>pending</c>, <c>paid</c>, <c>active</c>, <c>failed</c> or
/// <c>abandoned</c>; <paramref name="Amount"/> is in the smallest unit of <paramref name="Currency"/>;
/// <paramref name="CurrentPlan"/> is the plan a subscription is on now.
/// </summary>
internal sealed record OrderInfo(
    string OrderId,
    string Description,
    string Status,
    long? Amount,
    string? Currency,
    string? PaymentId,
    string? SubscriptionId,
    PlanInfo? CurrentPlan,
    DateTimeOffset CreatedAt);

/// <summary>A plan of the catalogue.</summary>
internal sealed record PlanInfo(string ProductId, string Name);

/// <summary>
/// One row of the orders page's webhook table: the inbox's view of the event (<see cref="DodoWebhookInboxEntry"/>;
/// <paramref name="State"/> is <c>pending</c>, <c>processed</c> or <c>dead</c>) and the detail its handler logged.
/// </summary>
internal sealed record WebhookInfo(
    string WebhookId,
    string Type,
    DateTimeOffset ReceivedAt,
    string State,
    int? Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? ProcessedAt,
    string? Detail);

/// <summary>The body of <c>POST /api/webhooks/replay</c>.</summary>
internal sealed record ReplayRequest(string? WebhookId);

/// <summary>One delivery attempt of the stand-in.</summary>
internal sealed record DeliveryInfo(string WebhookId, string Type, int Attempt, int? StatusCode, bool Succeeded);
