using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// <c>POST</c> of <c>MapDodoDynamicCheckout</c>, as the official adaptors do it: the product named by
/// <c>product_id</c>, else by the cart's first line, decides between <c>POST /subscriptions</c> and <c>POST /payments</c>,
/// both as payment links.
/// </summary>
internal sealed class DynamicCheckoutEndpoint(ILoggerFactory loggers) : CheckoutEndpoint<DynamicCheckoutRequest>(
    "dynamic checkout", loggers, CheckoutBrowserFields.Dynamic, static (hook, httpContext, request) => hook.OnDynamicCheckoutAsync(httpContext, request), DodoCheckoutJsonContext.Default.DynamicCheckoutRequest)
{
    /// <summary>What only a subscription carries; a one-time payment is sent without them.</summary>
    private static readonly string[] SubscriptionOnly = ["product_id", "quantity", "addons", "trial_period_days", "on_demand"];

    /// <summary>The product that decides the flow (<c>product_id</c>, else the cart's first line) and every line of the cart.</summary>
    protected override IEnumerable<ProductId> ProductIds(DynamicCheckoutRequest request) =>
        string.IsNullOrEmpty(request.ProductId) && request.ProductCart is { Count: > 0 }
            ? CartProductIds(request.ProductCart)
            : [new("product_id", request.ProductId, "product_id is required (or send product_cart)."), .. CartProductIds(request.ProductCart)];

    /// <summary>
    /// What Dodo requires of a payment link (DODO.md §3.2), as the official core checks it before calling the API:
    /// <c>billing</c> with its <c>country</c>, and a <c>customer</c>. Checked after the hooks, which may fill them in
    /// from the signed-in user; these are Dodo's rules, not the app's to relax, so no validator can replace them.
    /// </summary>
    protected override IEnumerable<ValidationFailure> Requirements(DynamicCheckoutRequest request)
    {
        if (request.Billing is null)
        {
            yield return new("billing", "billing is required: Dodo needs the billing address, with its country, to create a payment link.");
        }
        else if (string.IsNullOrEmpty(request.Billing.Country))
        {
            yield return new("billing.country", "billing.country is required.");
        }

        if (request.Customer is null)
        {
            yield return new("customer", "customer is required: send the customer's email and name (or let the app's hook set the signed-in customer).");
        }
        else if (string.IsNullOrEmpty(request.Customer.CustomerId) && string.IsNullOrEmpty(request.Customer.Email))
        {
            yield return new("customer", "customer needs an email (or a customer_id, which the app's hook sets).");
        }
    }

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, DynamicCheckoutRequest request)
    {
        var fromCart = string.IsNullOrEmpty(request.ProductId);
        var productField = fromCart ? "product_cart[0].product_id" : "product_id";
        var productId = fromCart ? request.ProductCart![0].ProductId! : request.ProductId!;
        var product = await FindProductAsync(call, productId).ConfigureAwait(false);
        if (product is null)
        {
            return UnknownProduct(productField, productId);
        }

        var returnUrl = call.ReturnUrl(request.ReturnUrl);
        if (!product.IsRecurring)
        {
            var payment = await call.Client.CreatePaymentAsync(ToPayment(request, returnUrl), call.Aborted).ConfigureAwait(false);
            return CheckoutUrl(payment.PaymentLink);
        }

        if (fromCart && request.ProductCart!.Count > 1)
        {
            return Invalid("product_cart", "A subscription is bought on its own: send product_id and quantity, or a product_cart with one line.");
        }

        var quantity = request.Quantity ?? (fromCart ? request.ProductCart![0].Quantity : null) ?? 1;
        var subscription = await call.Client.CreateSubscriptionAsync(ToSubscription(request, productId, quantity, returnUrl), call.Aborted).ConfigureAwait(false);
        return CheckoutUrl(subscription.PaymentLink);
    }

    /// <summary>The body of <c>POST /subscriptions</c>: the request as it is, for one product, with <c>payment_link: true</c>.</summary>
    private static CreateSubscriptionRequest ToSubscription(DynamicCheckoutRequest request, string productId, int quantity, string? returnUrl)
    {
        var body = Body(request, returnUrl);
        body.Remove("product_cart");
        body["product_id"] = productId;
        body["quantity"] = quantity;
        return body.Deserialize(DodoApiJsonContext.Default.CreateSubscriptionRequest)!;
    }

    /// <summary>The body of <c>POST /payments</c>: the request as it is, with the cart (from product_id/quantity when absent) and <c>payment_link: true</c>.</summary>
    private static CreatePaymentRequest ToPayment(DynamicCheckoutRequest request, string? returnUrl)
    {
        var body = Body(request, returnUrl);
        foreach (var field in SubscriptionOnly)
        {
            body.Remove(field);
        }

        if (body["product_cart"] is not JsonArray { Count: > 0 })
        {
            body["product_cart"] = new JsonArray(new JsonObject { ["product_id"] = request.ProductId, ["quantity"] = request.Quantity ?? 1 });
        }

        return body.Deserialize(DodoApiJsonContext.Default.CreatePaymentRequest)!;
    }

    /// <summary>
    /// Every field of the request as the browser and the hooks left it, those the package does not model included, so a
    /// field Dodo adds reaches it once <see cref="DynamicCheckoutRequest"/> has it, with no mapping to write.
    /// <c>payment_link</c> is this flow's own: a forwarded copy cannot turn it off.
    /// </summary>
    private static JsonObject Body(DynamicCheckoutRequest request, string? returnUrl)
    {
        var body = JsonSerializer.SerializeToNode(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest)!.AsObject();
        body["payment_link"] = true;
        body.Remove("return_url");
        if (returnUrl is not null)
        {
            body["return_url"] = returnUrl;
        }

        return body;
    }
}
