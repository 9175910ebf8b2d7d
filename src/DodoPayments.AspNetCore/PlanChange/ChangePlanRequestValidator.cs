using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>
/// What a plan change body must hold to be sent on, checked before the app's hooks and before Dodo is called, each
/// failure keyed by the wire name of the field (<c>product_id</c>, <c>addons[0].quantity</c>). Absent optional fields
/// are fine: the endpoint fills in the defaults. How the change is billed and every field the package does not model
/// are not the browser's to send at all; the endpoint refuses those whatever this validator says.
/// </summary>
/// <remarks>Registered as <c>IValidator&lt;ChangePlanRequest&gt;</c> with TryAdd, so an app can replace it.</remarks>
internal sealed class ChangePlanRequestValidator : AbstractValidator<ChangePlanRequest>
{
    public static readonly string[] EffectiveAtValues = ["immediately", "next_billing_date"];

    public ChangePlanRequestValidator()
    {
        DodoRules.Id(this, request => request.ProductId, "product_id");

        RuleFor(request => request.Quantity)
            .GreaterThanOrEqualTo(1)
            .When(request => request.Quantity is not null)
            .OverridePropertyName("quantity")
            .WithMessage("quantity must be at least 1.");

        RuleFor(request => request.EffectiveAt)
            .Must(value => EffectiveAtValues.Contains(value, StringComparer.Ordinal))
            .When(request => request.EffectiveAt is not null)
            .OverridePropertyName("effective_at")
            .WithMessage($"effective_at must be one of {string.Join(", ", EffectiveAtValues)}.");

        DodoRules.DiscountCodes(this, discountCode: _ => null, request => request.DiscountCodes);
        DodoRules.Addons(this, request => request.Addons!);
    }
}
