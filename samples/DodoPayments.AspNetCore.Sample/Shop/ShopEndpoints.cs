using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Sample.Webhooks;
using DodoPayments.AspNetCore.Testing;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>The small JSON API the shop's pages read: the catalogue, the signed-in account, and the orders.</summary>
internal static class ShopEndpoints
{
    /// <summary>How many webhook log lines the orders page shows (newest first).</summary>
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

        endpoints.MapGet("/api/orders", async Task<IResult> (HttpContext context, ShopDb db, WebhookFaults faults) =>
            context.User.GetUserId() is { } userId
                ? TypedResults.Ok(new OrdersInfo(
                    await db.GetOrdersAsync(userId, context.RequestAborted),
                    await WebhooksAsync(db, faults, context.RequestAborted),
                    standIn?.WebhookDeliveries.Select(delivery => new DeliveryInfo(delivery.WebhookId, delivery.Type, delivery.Attempt, delivery.StatusCode, delivery.Succeeded)).Reverse().ToList()))
                : TypedResults.Unauthorized());

        if (standIn is not null)
        {
            endpoints.MapPost("/api/dev/fail-next-webhook", (WebhookFaults faults) =>
            {
                faults.FailNext();
                return TypedResults.NoContent();
            });
        }
    }

    /// <summary>
    /// The webhooks the shop handled (the log its handlers commit with their changes), with the deliveries failed on
    /// purpose (kept in memory: the database rolled back whatever those attempts wrote), newest first.
    /// </summary>
    private static async Task<List<WebhookInfo>> WebhooksAsync(ShopDb db, WebhookFaults faults, CancellationToken cancellationToken)
    {
        var handled = await db.WebhookLog.AsNoTracking().OrderByDescending(entry => entry.Id).Take(WebhooksShown).ToListAsync(cancellationToken);
        return [.. handled.Concat(faults.Failures)
            .OrderByDescending(entry => entry.ReceivedAt)
            .Take(WebhooksShown)
            .Select(entry => new WebhookInfo(entry.WebhookId, entry.Type, entry.ReceivedAt, entry.Outcome, entry.Detail))];
    }
}

/// <summary>What the pricing page shows: which API the shop talks to and what it sells.</summary>
internal sealed record ShopInfo(string Mode, string CollectionId, IReadOnlyList<ShopProduct> Products);

/// <summary>The signed-in user, their Dodo customer (once known) and their active subscription.</summary>
internal sealed record AccountInfo(bool SignedIn, string? Name, string? Email, string? CustomerId, SubscriptionInfo? Subscription);

/// <summary>A subscription as the account page shows it.</summary>
internal sealed record SubscriptionInfo(string SubscriptionId, string ProductId, string ProductName, string Status);

/// <summary>The orders page: the user's orders, the webhook log and, with the stand-in, its delivery attempts.</summary>
internal sealed record OrdersInfo(IReadOnlyList<ShopOrder> Orders, IReadOnlyList<WebhookInfo> Webhooks, IReadOnlyList<DeliveryInfo>? Deliveries);

/// <summary>One row of the orders page's webhook table.</summary>
internal sealed record WebhookInfo(string WebhookId, string Type, DateTimeOffset ReceivedAt, string Outcome, string? Detail);

/// <summary>One delivery attempt of the stand-in.</summary>
internal sealed record DeliveryInfo(string WebhookId, string Type, int Attempt, int? StatusCode, bool Succeeded);
