using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary><c>GET</c> of <c>MapDodoCheckout</c>: the static checkout URL of an existing product, from the query string.</summary>
internal sealed class StaticCheckoutEndpoint(ILoggerFactory loggers) : CheckoutEndpoint<StaticCheckoutRequest>(
    "static checkout", loggers, CheckoutBrowserFields.Static, static (hook, httpContext, request) => hook.OnStaticCheckoutAsync(httpContext, request), body: null)
{
    protected override ValueTask<(StaticCheckoutRequest? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call) =>
        ValueTask.FromResult<(StaticCheckoutRequest?, IResult?)>((StaticCheckoutQuery.Read(call.HttpContext.Request.Query), null));

    protected override IEnumerable<ProductId> ProductIds(StaticCheckoutRequest request) =>
        [new(StaticCheckoutQuery.ProductId, request.ProductId, "productId is required.")];

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, StaticCheckoutRequest request)
    {
        var productId = request.ProductId!;
        if (await FindProductAsync(call, productId).ConfigureAwait(false) is null)
        {
            return UnknownProduct(StaticCheckoutQuery.ProductId, productId);
        }

        return CheckoutUrl(StaticCheckoutQuery.ComposeUrl(DodoPaymentsHosts.CheckoutBase(call.Options), request, call.ReturnUrl(requested: null)));
    }
}
