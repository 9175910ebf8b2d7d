using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary><c>POST</c> of <c>MapDodoCheckout</c>: a checkout session, Dodo's <c>POST /checkouts</c> with the body as the hooks left it.</summary>
internal sealed class CheckoutSessionEndpoint(ILoggerFactory loggers) : CheckoutEndpoint<CheckoutSessionRequest>(
    "checkout session", loggers, CheckoutBrowserFields.Session, static (hook, httpContext, request) => hook.OnCheckoutSessionAsync(httpContext, request), DodoCheckoutJsonContext.Default.CheckoutSessionRequest)
{
    protected override IEnumerable<ProductId> ProductIds(CheckoutSessionRequest request) =>
        [new("product_collection_id", request.ProductCollectionId), .. CartProductIds(request.ProductCart)];

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, CheckoutSessionRequest request)
    {
        request.ReturnUrl = call.ReturnUrl(request.ReturnUrl);
        var session = await call.Client.CreateCheckoutSessionAsync(request, call.Aborted).ConfigureAwait(false);
        return CheckoutUrl(session.CheckoutUrl, confirmMode: request.Confirm == true, session.SessionId, session.PaymentId);
    }
}
