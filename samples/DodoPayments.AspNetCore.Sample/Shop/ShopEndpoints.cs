using DodoPayments.AspNetCore.Sample.Store;
using DodoPayments.AspNetCore.Sample.Webhooks;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>The small JSON API the shop's pages read: the catalogue, the signed-in account, and the orders.</summary>
internal static class ShopEndpoints
{
    public static void MapShopApi(this IEndpointRouteBuilder endpoints, DodoApiStandIn? standIn)
    {
        var mode = standIn is null ? "dodo" : "stand-in";

        endpoints.MapGet("/api/shop", (ShopCatalog catalog) => new ShopInfo(mode, catalog.CollectionId, catalog.Products));

        endpoints.MapGet("/api/account", (HttpContext context, ShopStore store, ShopCatalog catalog) =>
        {
            if (context.User.GetUserId() is not { } userId)
            {
                return new AccountInfo(false, null, null, null, null);
            }

            var subscription = store.FindActiveSubscription(userId);
            return new AccountInfo(
                true,
                DemoUser.Name,
                DemoUser.Email,
                store.FindCustomerId(userId),
                subscription is null ? null : new SubscriptionInfo(subscription.SubscriptionId, subscription.ProductId, catalog.NameOf(subscription.ProductId), subscription.Status));
        });

        endpoints.MapGet("/api/orders", IResult (HttpContext context, ShopStore store) =>
            context.User.GetUserId() is { } userId
                ? TypedResults.Ok(new OrdersInfo(
                    store.GetOrders(userId),
                    store.GetWebhookLog(),
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
}

/// <summary>What the pricing page shows: which API the shop talks to and what it sells.</summary>
internal sealed record ShopInfo(string Mode, string CollectionId, IReadOnlyList<ShopProduct> Products);

/// <summary>The signed-in user, their Dodo customer (once known) and their active subscription.</summary>
internal sealed record AccountInfo(bool SignedIn, string? Name, string? Email, string? CustomerId, SubscriptionInfo? Subscription);

/// <summary>A subscription as the account page shows it.</summary>
internal sealed record SubscriptionInfo(string SubscriptionId, string ProductId, string ProductName, string Status);

/// <summary>The orders page: the user's orders, the webhook log and, with the stand-in, its delivery attempts.</summary>
internal sealed record OrdersInfo(IReadOnlyList<ShopOrder> Orders, IReadOnlyList<WebhookLogEntry> Webhooks, IReadOnlyList<DeliveryInfo>? Deliveries);

/// <summary>One delivery attempt of the stand-in.</summary>
internal sealed record DeliveryInfo(string WebhookId, string Type, int Attempt, int? StatusCode, bool Succeeded);
