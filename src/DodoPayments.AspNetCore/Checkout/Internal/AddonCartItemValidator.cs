using DodoPayments.AspNetCore.Api;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>One addon of a cart line or a subscription; keys come out as <c>…addons[0].quantity</c>.</summary>
internal sealed class AddonCartItemValidator : AbstractValidator<AddonCartItem>
{
    public AddonCartItemValidator()
    {
        RuleFor(addon => addon.AddonId)
            .NotEmpty()
            .WithMessage("addon_id is required.")
            .OverridePropertyName("addon_id");

        RuleFor(addon => addon.Quantity)
            .NotNull()
            .WithMessage("quantity is required.")
            .GreaterThanOrEqualTo(0)
            .WithMessage("quantity must not be negative.")
            .OverridePropertyName("quantity");
    }
}
