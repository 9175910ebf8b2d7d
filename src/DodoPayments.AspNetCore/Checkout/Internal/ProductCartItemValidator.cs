using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>One line of a <c>product_cart</c>; used through <c>RuleForEach</c>, so keys come out as <c>product_cart[0].quantity</c>.</summary>
internal sealed class ProductCartItemValidator : AbstractValidator<ProductCartItem>
{
    public static readonly ProductCartItemValidator Instance = new();

    private ProductCartItemValidator()
    {
        DodoRules.Id(this, item => item.ProductId, "product_id");

        RuleFor(item => item.Quantity)
            .NotNull()
            .WithMessage("quantity is required.")
            .GreaterThan(0)
            .WithMessage("quantity must be more than zero.")
            .OverridePropertyName("quantity");

        DodoRules.Addons(this, item => item.Addons!);
    }
}
