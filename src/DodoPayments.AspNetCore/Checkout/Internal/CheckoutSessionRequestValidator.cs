using DodoPayments.AspNetCore.Api;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// What a checkout session body must hold to be sent on; run before the hooks. What the browser may not send at all
/// (prices, billing terms, fields the package does not model, return URLs elsewhere) is <see cref="CheckoutBrowserFields"/>'.
/// </summary>
/// <remarks>Registered as <c>IValidator&lt;CheckoutSessionRequest&gt;</c> with TryAdd, so an app can replace it.</remarks>
internal sealed class CheckoutSessionRequestValidator : AbstractValidator<CheckoutSessionRequest>
{
    public CheckoutSessionRequestValidator()
    {
        RuleFor(request => request.ProductCart)
            .NotEmpty()
            .When(request => string.IsNullOrEmpty(request.ProductCollectionId))
            .WithMessage("product_cart needs at least one item (or send product_collection_id).")
            .OverridePropertyName("product_cart");

        CheckoutRules.ProductCart(this, request => request.ProductCart!);
        CheckoutRules.BillingAddress(this, request => request.BillingAddress, "billing_address");
        CheckoutRules.SharedFields(this, request => request.Customer, request => request.BillingCurrency, request => request.DiscountCode, request => request.DiscountCodes, request => request.Metadata);

        RuleFor(request => request.CustomFields)
            .Must(fields => fields is null || fields.Count <= CheckoutRules.MaxCustomFields)
            .WithMessage($"custom_fields can have at most {CheckoutRules.MaxCustomFields} fields.")
            .OverridePropertyName("custom_fields");
    }
}
