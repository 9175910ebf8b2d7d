using DodoPayments.AspNetCore.Http;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// What a dynamic checkout body must hold to be sent on; run before the hooks. What the browser may not send at all is
/// <see cref="CheckoutBrowserFields"/>'; what Dodo requires of a payment link (billing, customer) is checked after the
/// hooks, by <see cref="DynamicCheckoutEndpoint"/>, as a hook may supply it.
/// </summary>
/// <remarks>Registered as <c>IValidator&lt;DynamicCheckoutRequest&gt;</c> with TryAdd, so an app can replace it.</remarks>
internal sealed class DynamicCheckoutRequestValidator : AbstractValidator<DynamicCheckoutRequest>
{
    public DynamicCheckoutRequestValidator()
    {
        // An empty product_id next to a cart means "the cart decides", as in the adaptors; any other value is looked up.
        DodoRules.Id(this, request => request.ProductId, "product_id", request =>
            request.ProductCart is { Count: > 0 } ? null : "product_id is required (or send product_cart).");

        RuleFor(request => request.Quantity)
            .GreaterThan(0)
            .WithMessage("quantity must be more than zero.")
            .OverridePropertyName("quantity");

        CheckoutRules.ProductCart(this, request => request.ProductCart!);
        DodoRules.Addons(this, request => request.Addons!);
        CheckoutRules.BillingAddress(this, request => request.Billing, "billing");
        CheckoutRules.SharedFields(this, request => request.Customer, request => request.BillingCurrency, request => request.DiscountCode, request => request.DiscountCodes, request => request.Metadata);
    }
}
