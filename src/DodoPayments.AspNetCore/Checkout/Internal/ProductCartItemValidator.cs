using DodoPayments.AspNetCore.Api;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>One line of a <c>product_cart</c>; used through <c>RuleForEach</c>, so keys come out as <c>product_cart[0].quantity</c>.</summary>
internal sealed class ProductCartItemValidator : AbstractValidator<ProductCartItem>
{
    public ProductCartItemValidator()
    {
        RuleFor(item => item.ProductId)
            .NotEmpty()
            .WithMessage("product_id is required.")
            .OverridePropertyName("product_id");

        RuleFor(item => item.Quantity)
            .NotNull()
            .WithMessage("quantity is required.")
            .GreaterThan(0)
            .WithMessage("quantity must be more than zero.")
            .OverridePropertyName("quantity");

        RuleFor(item => item.Amount)
            .GreaterThanOrEqualTo(0)
            .WithMessage("amount must not be negative.")
            .OverridePropertyName("amount");

        RuleForEach(item => item.Addons)
            .SetValidator(new AddonCartItemValidator())
            .OverridePropertyName("addons");
    }
}
