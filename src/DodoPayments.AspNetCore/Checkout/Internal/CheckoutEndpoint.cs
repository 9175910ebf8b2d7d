using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// What the three checkout flows share on top of <see cref="DodoEndpoint{TRequest}"/>: the app's
/// <see cref="IDodoCheckoutHook"/>s, <c>DodoPayments:Checkout:AllowedProductIds</c>, the product lookup and the
/// <c>{"checkout_url"}</c> answer.
/// </summary>
/// <param name="name">How the logs name the flow.</param>
/// <param name="loggers">Where the checkout's logger comes from.</param>
/// <param name="browserFields">The flow's entry of <see cref="CheckoutBrowserFields"/>.</param>
/// <param name="hook">The flow's method of <see cref="IDodoCheckoutHook"/>.</param>
/// <param name="body">The JSON of the flow's body; null for the static checkout, which reads the query string.</param>
internal abstract class CheckoutEndpoint<TRequest>(
    string name,
    ILoggerFactory loggers,
    Action<TRequest, DodoBrowserPolicy> browserFields,
    Func<IDodoCheckoutHook, HttpContext, TRequest, ValueTask<ProblemDetails?>> hook,
    JsonTypeInfo<TRequest>? body)
    : DodoEndpoint<TRequest>(name, loggers.CreateLogger(CheckoutCategory))
    where TRequest : class
{
    protected override string RefusalTitle => "The checkout was refused.";

    protected override ValueTask<(TRequest? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call) => ReadJsonAsync(call, body!);

    protected override DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options) => CheckoutBrowserFields.Policy(options);

    protected override void CheckBrowserFields(TRequest request, DodoBrowserPolicy policy) => browserFields(request, policy);

    protected override IList<string> AllowedProductIds(DodoPaymentsOptions options) => options.Checkout.AllowedProductIds;

    protected override ValueTask<HookRefusal?> RunHooksAsync(DodoEndpointContext call, TRequest request) =>
        RunHooksAsync<IDodoCheckoutHook>(call, checkoutHook => hook(checkoutHook, call.HttpContext, request));

    /// <summary>The ids of a cart's lines, each required.</summary>
    protected static IEnumerable<ProductId> CartProductIds(List<ProductCartItem>? cart) =>
        cart?.Select((line, i) => new ProductId($"product_cart[{i}].product_id", line?.ProductId, "product_id is required.")) ?? [];

    /// <summary>The product (through the <see cref="ProductCache"/>), or null when Dodo does not know it (logged).</summary>
    protected async Task<Product?> FindProductAsync(DodoEndpointContext call, string productId)
    {
        var products = call.Services.GetRequiredService<ProductCache>();
        var product = await products.GetAsync(productId, call.Client, call.Options.Checkout, call.Aborted).ConfigureAwait(false);
        if (product is null)
        {
            Log.UnknownProduct(Logger, Name, productId);
        }

        return product;
    }

    /// <summary>The 400 for a product Dodo does not know.</summary>
    protected static IResult UnknownProduct(string field, string productId) =>
        DodoProblems.Invalid(field, $"Product '{productId}' was not found.");

    /// <summary>
    /// <c>200 {"checkout_url"}</c>, or the answer when Dodo gave no page to send the browser to. In confirm mode
    /// (<c>confirm: true</c> with a <c>payment_method_id</c>, set by a hook) that is by design and the request was the
    /// wrong one for this endpoint: 400 with the session and payment ids. Otherwise Dodo's answer is unusable: 502.
    /// </summary>
    protected IResult CheckoutUrl(string? url, bool confirmMode = false, string? sessionId = null, string? paymentId = null)
    {
        if (!string.IsNullOrEmpty(url))
        {
            return TypedResults.Ok(new CheckoutUrlResponse(url));
        }

        var problem = confirmMode
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The checkout session has no checkout page.",
                detail: "Dodo created the session in confirm mode (confirm: true with a payment_method_id), which has no checkout_url. " +
                    "Create confirm-mode sessions with IDodoPaymentsApiClient.CreateCheckoutSessionAsync instead of this endpoint.",
                extensions: new Dictionary<string, object?>
                {
                    [DodoProblems.CodeExtension] = "CHECKOUT_URL_MISSING",
                    ["session_id"] = sessionId,
                    ["payment_id"] = paymentId,
                })
            : TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The payment provider is unavailable.",
                detail: "Dodo Payments answered without a checkout URL. Try again later.");
        Log.NoLink(Logger, Name, problem.StatusCode);
        return problem;
    }
}
