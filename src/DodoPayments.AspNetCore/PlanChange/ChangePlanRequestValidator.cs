using FluentValidation;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>
/// What a browser may send as a plan change, checked before the app's hooks and before Dodo is called, each failure
/// keyed by the wire name of the field (<c>product_id</c>, <c>addons[0].quantity</c>). Absent optional fields are fine:
/// the endpoint fills in the defaults. How the change is billed (<c>proration_billing_mode</c>,
/// <c>on_payment_failure</c>), the payment's <c>metadata</c> and every field the package does not model are the app's
/// to set (options or <see cref="IDodoPlanChangeHook"/>), so a body carrying one is refused naming it.
/// </summary>
/// <remarks>Registered as <c>IValidator&lt;ChangePlanRequest&gt;</c> with TryAdd, so an app can replace it.</remarks>
internal sealed class ChangePlanRequestValidator : AbstractValidator<ChangePlanRequest>
{
    /// <summary>Dodo's limit on stacked discount codes.</summary>
    public const int MaxDiscountCodes = 20;

    public const string NotFromBrowserMessage =
        "This field cannot be sent by the browser; the app sets it on the server (DodoPayments:PlanChange options or IDodoPlanChangeHook).";

    public const string UnmodelledFieldMessage =
        "This field is not accepted from the browser; the app can set it on the server (IDodoPlanChangeHook).";

    public static readonly string[] EffectiveAtValues = ["immediately", "next_billing_date"];

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
            .Null()
            .OverridePropertyName("proration_billing_mode")
            .WithMessage(NotFromBrowserMessage);

        RuleFor(request => request.EffectiveAt)
            .Must(value => EffectiveAtValues.Contains(value, StringComparer.Ordinal))
            .When(request => request.EffectiveAt is not null)
            .OverridePropertyName("effective_at")
            .WithMessage($"effective_at must be one of {string.Join(", ", EffectiveAtValues)}.");

        RuleFor(request => request.OnPaymentFailure)
            .Null()
            .OverridePropertyName("on_payment_failure")
            .WithMessage(NotFromBrowserMessage);

        RuleFor(request => request.Metadata)
            .Null()
            .OverridePropertyName("metadata")
            .WithMessage(NotFromBrowserMessage);

        // adaptive_currency_fees_inclusive, and whatever Dodo adds next: each named by its wire name.
        RuleFor(request => request.AdditionalProperties)
            .Custom((fields, context) =>
            {
                foreach (var field in fields?.Keys ?? Enumerable.Empty<string>())
                {
                    context.AddFailure(field, UnmodelledFieldMessage);
                }
            });

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
