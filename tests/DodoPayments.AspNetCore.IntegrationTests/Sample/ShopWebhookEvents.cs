using System.Text.Json.Nodes;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>Webhook bodies as Dodo sends them for the shop's orders (the metadata the checkout hook sets included).</summary>
internal static class ShopWebhookEvents
{
    /// <summary>A <c>payment.*</c> event for <paramref name="orderId"/> of <paramref name="userId"/>, paid by <paramref name="customerId"/>.</summary>
    public static string Payment(string type, string paymentId, string orderId, string userId, string customerId) => new JsonObject
    {
        ["business_id"] = "bus_1",
        ["type"] = type,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["data"] = new JsonObject
        {
            ["payment_id"] = paymentId,
            ["total_amount"] = 1900,
            ["currency"] = "USD",
            ["error_message"] = "Card declined",
            ["customer"] = new JsonObject { ["customer_id"] = customerId, ["email"] = "demo@example.com", ["name"] = "Demo User" },
            ["metadata"] = new JsonObject { ["order_id"] = orderId, ["user_id"] = userId },
        },
    }.ToJsonString();

    /// <summary>A <c>subscription.*</c> event: <paramref name="subscriptionId"/> as it is now, on <paramref name="productId"/>.</summary>
    public static string Subscription(string type, string subscriptionId, string productId, string status) => new JsonObject
    {
        ["business_id"] = "bus_1",
        ["type"] = type,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["data"] = new JsonObject
        {
            ["payload_type"] = "Subscription",
            ["subscription_id"] = subscriptionId,
            ["product_id"] = productId,
            ["status"] = status,
            ["quantity"] = 1,
        },
    }.ToJsonString();
}
