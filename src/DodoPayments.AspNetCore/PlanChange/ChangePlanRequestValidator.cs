using FluentValidation;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>
/// The rules a plan change body must meet before it goes to Dodo, each failure keyed by the wire name of the field
/// (<c>product_id</c>, <c>addons[0].quantity</c>). Absent optional fields are fine: the endpoint fills in the defaults.
/// </summary>
/// <remarks>Registered as <c>IValidator&lt;ChangePlanRequest&gt;</c> with TryAdd, so an app can replace it.</remarks>
internal sealed class ChangePlanRequestValidator : AbstractValidator<ChangePlanRequest>
{
    /// <summary>Dodo's limit on stacked discount codes.</summary>
    public const int MaxDiscountCodes = 20;

    public static readonly string[] ProrationBillingModes = ["prorated_immediately", "full_immediately", "difference_immediately", "do_not_bill"];

    public static readonly string[] EffectiveAtValues = ["immediately", "next_billing_date"];

    public static readonly string[] OnPaymentFailureValues = ["prevent_change", "apply_change"];

    public ChangePlanRequestValidator()
    {
        RuleFor(request => request.ProductId)
            .NotEmpty()
            .OverridePropertyName("product_id")
            .WithMessage("product_id is required.");

        RuleFor(request => request.Quantity)
            .GreaterThanOrEqualTo(1)
            .When(request => request.Quantity is not null)
            .OverridePropertyName("quantity")
            .WithMessage("quantity must be at least 1.");

        RuleFor(request => request.ProrationBillingMode)
            .Must(mode => ProrationBillingModes.Contains(mode, StringComparer.Ordinal))
            .When(request => request.ProrationBillingMode is not null)
            .OverridePropertyName("proration_billing_mode")
            .WithMessage($"proration_billing_mode must be one of {string.Join(", ", ProrationBillingModes)}.");

        RuleFor(request => request.EffectiveAt)
            .Must(value => EffectiveAtValues.Contains(value, StringComparer.Ordinal))
            .When(request => request.EffectiveAt is not null)
            .OverridePropertyName("effective_at")
            .WithMessage($"effective_at must be one of {string.Join(", ", EffectiveAtValues)}.");

        RuleFor(request => request.OnPaymentFailure)
            .Must(value => OnPaymentFailureValues.Contains(value, StringComparer.Ordinal))
            .When(request => request.OnPaymentFailure is not null)
            .OverridePropertyName("on_payment_failure")
            .WithMessage($"on_payment_failure must be one of {string.Join(", ", OnPaymentFailureValues)}.");

        RuleFor(request => request.DiscountCodes)
            .Must(codes => codes!.Count <= MaxDiscountCodes)
            .When(request => request.DiscountCodes is not null)
            .OverridePropertyName("discount_codes")
            .WithMessage($"discount_codes can hold at most {MaxDiscountCodes} codes.");

        RuleForEach(request => request.DiscountCodes)
            .NotEmpty()
            .OverridePropertyName("discount_codes")
            .WithMessage("discount_codes must not contain empty codes.");

        RuleForEach(request => request.Addons)
            .NotNull()
            .WithMessage("addons must not contain null.")
            .ChildRules(addon =>
            {
                addon.RuleFor(item => item.AddonId)
                    .NotEmpty()
                    .OverridePropertyName("addon_id")
                    .WithMessage("addon_id is required.");
                addon.RuleFor(item => item.Quantity)
                    .NotNull()
                    .WithMessage("quantity is required.")
                    .GreaterThanOrEqualTo(0)
                    .WithMessage("quantity must be 0 or more.")
                    .OverridePropertyName("quantity");
            })
            .OverridePropertyName("addons");
    }
}
