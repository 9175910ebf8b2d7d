using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>What a browser may send as a checkout session; run before the hook and before any call to Dodo.</summary>
internal sealed class CheckoutSessionRequestValidator : AbstractValidator<CheckoutSessionRequest>
{
    public CheckoutSessionRequestValidator()
    {
        RuleFor(request => request.ProductCart)
            .NotEmpty()
            .When(request => string.IsNullOrEmpty(request.ProductCollectionId))
            .WithMessage("product_cart needs at least one item (or send product_collection_id).")
            .OverridePropertyName("product_cart");

        RuleForEach(request => request.ProductCart)
            .SetValidator(new ProductCartItemValidator())
            .OverridePropertyName("product_cart");

        CheckoutRules.Customer(this, request => request.Customer);
        CheckoutRules.BillingAddress(this, request => request.BillingAddress, "billing_address");
        CheckoutRules.Currency(this, request => request.BillingCurrency, "billing_currency");
        CheckoutRules.AbsoluteUrl(this, request => request.ReturnUrl, "return_url");
        CheckoutRules.AbsoluteUrl(this, request => request.CancelUrl, "cancel_url");
        CheckoutRules.DiscountCodes(this, request => request.DiscountCode, request => request.DiscountCodes);
        CheckoutRules.Metadata(this, request => request.Metadata);

        RuleFor(request => request.CustomFields)
            .Must(fields => fields is null || fields.Count <= CheckoutRules.MaxCustomFields)
            .WithMessage($"custom_fields can have at most {CheckoutRules.MaxCustomFields} fields.")
            .OverridePropertyName("custom_fields");

        CheckoutRules.NotFromBrowser(this, request => request.PaymentMethodId, "payment_method_id");
        CheckoutRules.NotFromBrowser(this, request => request.ShowSavedPaymentMethods, "show_saved_payment_methods");
    }
}
