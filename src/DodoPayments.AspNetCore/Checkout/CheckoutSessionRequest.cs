using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>
/// The body of the checkout endpoint's <c>POST</c> (a checkout session): Dodo's own <c>POST /checkouts</c> body,
/// <see cref="CreateCheckoutSessionRequest"/>, as a browser sends it and as <see cref="IDodoCheckoutHook"/> sees it
/// before it goes to Dodo. It adds no member; it is the checkout endpoint's name for the same wire model.
/// </summary>
public sealed class CheckoutSessionRequest : CreateCheckoutSessionRequest
{
}
