using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>What a browser may send as a dynamic checkout; run before the hook and before any call to Dodo.</summary>
internal sealed class DynamicCheckoutRequestValidator : AbstractValidator<DynamicCheckoutRequest>
{
    public DynamicCheckoutRequestValidator()
    {
        RuleFor(request => request.ProductId)
            .NotEmpty()
            .When(request => request.ProductCart is not { Count: > 0 })
            .WithMessage("product_id is required (or send product_cart).")
            .OverridePropertyName("product_id");

        RuleFor(request => request.Quantity)
            .GreaterThan(0)
            .WithMessage("quantity must be more than zero.")
            .OverridePropertyName("quantity");

        RuleForEach(request => request.ProductCart)
            .SetValidator(new ProductCartItemValidator())
            .OverridePropertyName("product_cart");

        RuleForEach(request => request.Addons)
            .SetValidator(new AddonCartItemValidator())
            .OverridePropertyName("addons");

        RuleFor(request => request.TrialPeriodDays)
            .GreaterThanOrEqualTo(0)
            .WithMessage("trial_period_days must not be negative.")
            .OverridePropertyName("trial_period_days");

        CheckoutRules.Customer(this, request => request.Customer);
        CheckoutRules.BillingAddress(this, request => request.Billing, "billing");
        CheckoutRules.Currency(this, request => request.BillingCurrency, "billing_currency");
        CheckoutRules.AbsoluteUrl(this, request => request.ReturnUrl, "return_url");
        CheckoutRules.DiscountCodes(this, request => request.DiscountCode, request => request.DiscountCodes);
        CheckoutRules.Metadata(this, request => request.Metadata);
        CheckoutRules.NotFromBrowser(this, request => request.PaymentMethodId, "payment_method_id");
        CheckoutRules.NotFromBrowser(this, request => request.ShowSavedPaymentMethods, "show_saved_payment_methods");
    }
}
