using DodoPayments.AspNetCore.Api;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>One line of a <c>product_cart</c>; used through <c>RuleForEach</c>, so keys come out as <c>product_cart[0].quantity</c>.</summary>
internal sealed class ProductCartItemValidator : AbstractValidator<ProductCartItem>
{
    public ProductCartItemValidator()
    {
        CheckoutRules.ProductId(this, item => item.ProductId, "product_id", "product_id is required.");

        RuleFor(item => item.Quantity)
            .NotNull()
            .WithMessage("quantity is required.")
            .GreaterThan(0)
            .WithMessage("quantity must be more than zero.")
            .OverridePropertyName("quantity");

        // The pay-what-you-want amount is a price: the app's hook sets it, never the browser.
        CheckoutRules.NotFromBrowser(this, item => item.Amount, "amount");

        RuleForEach(item => item.Addons)
            .SetValidator(new AddonCartItemValidator())
            .OverridePropertyName("addons");
    }
}
