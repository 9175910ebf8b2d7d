using System.Security.Claims;
using System.Text.Json;
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
internal sealed class ShopCheckoutHook(ShopStore store, ShopCatalog catalog) : IDodoCheckoutHook
{
    public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
    {
        if (httpContext.User.GetUserId() is not { } userId)
        {
            return ValueTask.FromResult<ProblemDetails?>(new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in to buy.",
            });
        }

        var productIds = request.ProductCart?.Select(item => item.ProductId).OfType<string>().ToList() ?? [];
        var description = request.ProductCollectionId is not null
            ? "A plan chosen on checkout"
            : string.Join(", ", productIds.Select(catalog.NameOf));
        var order = store.CreateOrder(userId, description, productIds);

        // Once Dodo has told us who the customer is (a webhook), reuse them; the browser may never send a customer_id.
        request.Customer = store.FindCustomerId(userId) is { } customerId
            ? new CustomerRequest { CustomerId = customerId }
            : new CustomerRequest { Email = httpContext.User.FindFirstValue(ClaimTypes.Email), Name = httpContext.User.FindFirstValue(ClaimTypes.Name) };

        // Back to this site's orders page, whatever host and port it runs on.
        request.ReturnUrl = $"{httpContext.Request.Scheme}://{httpContext.Request.Host}{httpContext.Request.PathBase}/orders";

        // Overwrites anything the browser sent under these keys.
        request.Metadata ??= [];
        request.Metadata["order_id"] = JsonSerializer.SerializeToElement(order.OrderId);
        request.Metadata["user_id"] = JsonSerializer.SerializeToElement(userId);
        return ValueTask.FromResult<ProblemDetails?>(null);
    }
}
