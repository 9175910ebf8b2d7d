using System.Security.Claims;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.Sample.Store;
using Microsoft.AspNetCore.Mvc;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>
/// Runs before every checkout session is sent to Dodo: refuses anonymous visitors, creates the pending order, and fills
/// in what the browser must not choose: the customer, where Dodo sends the customer back, and the metadata the webhook
/// handlers use to find the order again.
/// </summary>
internal sealed class ShopCheckoutHook(ShopDb db, ShopCatalog catalog, TimeProvider clock) : IDodoCheckoutHook
{
    private static readonly ProblemDetails SignInFirst = new() { Status = StatusCodes.Status401Unauthorized, Title = "Sign in to buy." };

    public async ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
    {
        if (httpContext.User.GetUserId() is not { } userId)
        {
            return SignInFirst;
        }

        var productIds = request.ProductCart?.Select(item => item.ProductId).OfType<string>().ToList() ?? [];
        var order = await CreateOrderAsync(httpContext, userId, productIds, request.ProductCollectionId is not null ? "A plan chosen on checkout" : null);
        request.Customer = await CustomerAsync(httpContext, userId);
        request.ReturnUrl = OrdersPage(httpContext);
        request.Metadata = WithOrder(request.Metadata, order.OrderId, userId);
        return null;
    }

    /// <summary>The dynamic flow (a payment link): the same rules as a session.</summary>
    public async ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
    {
        if (httpContext.User.GetUserId() is not { } userId)
        {
            return SignInFirst;
        }

        var productIds = request.ProductId is { } productId ? [productId] : request.ProductCart?.Select(item => item.ProductId).OfType<string>().ToList() ?? [];
        var order = await CreateOrderAsync(httpContext, userId, productIds, description: null);
        request.Customer = await CustomerAsync(httpContext, userId);
        request.ReturnUrl = OrdersPage(httpContext);
        request.Metadata = WithOrder(request.Metadata, order.OrderId, userId);
        return null;
    }

    /// <summary>
    /// The static flow (a link to Dodo's /buy page): the customer's email is filled in and locked, and the order rides
    /// along as <c>metadata_*</c> query values. Dodo sends the customer back to DodoPayments:ReturnUrl.
    /// </summary>
    public async ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request)
    {
        if (httpContext.User.GetUserId() is not { } userId)
        {
            return SignInFirst;
        }

        var order = await CreateOrderAsync(httpContext, userId, request.ProductId is { } productId ? [productId] : [], description: null);
        request.Email = httpContext.User.FindFirstValue(ClaimTypes.Email);
        request.DisableEmail = request.Email is not null;
        request.Metadata["order_id"] = order.OrderId;
        request.Metadata["user_id"] = userId;
        return null;
    }

    private async Task<ShopOrder> CreateOrderAsync(HttpContext httpContext, string userId, IReadOnlyList<string> productIds, string? description)
    {
        var order = ShopOrder.Create(userId, description ?? string.Join(", ", productIds.Select(catalog.NameOf)), productIds, clock.GetUtcNow());
        db.Orders.Add(order);
        await db.SaveChangesAsync(httpContext.RequestAborted);
        return order;
    }

    /// <summary>Once Dodo has told us who the customer is (a webhook), reuse them; the browser may never send a customer_id.</summary>
    private async Task<Customer> CustomerAsync(HttpContext httpContext, string userId) =>
        await db.FindCustomerIdAsync(userId, httpContext.RequestAborted) is { } customerId
            ? new Customer { CustomerId = customerId }
            : new Customer { Email = httpContext.User.FindFirstValue(ClaimTypes.Email), Name = httpContext.User.FindFirstValue(ClaimTypes.Name) };

    /// <summary>Back to this site's orders page, whatever host and port it runs on.</summary>
    private static string OrdersPage(HttpContext httpContext) =>
        $"{httpContext.Request.Scheme}://{httpContext.Request.Host}{httpContext.Request.PathBase}/orders";

    /// <summary>The metadata the webhook handlers find the order by; overwrites anything the browser sent under these keys.</summary>
    private static DodoMetadata WithOrder(DodoMetadata? metadata, string orderId, string userId)
    {
        metadata ??= new DodoMetadata();
        metadata["order_id"] = orderId;
        metadata["user_id"] = userId;
        return metadata;
    }
}
