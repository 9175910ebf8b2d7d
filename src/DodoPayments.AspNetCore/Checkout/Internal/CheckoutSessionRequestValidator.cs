using FluentValidation;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>What a browser may send as a checkout session; run before the hook and before any call to Dodo.</summary>
internal sealed class CheckoutSessionRequestValidator : AbstractValidator<CheckoutSessionRequest>
{
    /// <summary>The keys of <c>subscription_data</c>: both set billing terms, so only the app's hook may send them.</summary>
    private static readonly string[] SubscriptionTerms = ["trial_period_days", "on_demand"];

    public CheckoutSessionRequestValidator(IOptionsMonitor<DodoPaymentsOptions> options)
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
        CheckoutRules.ReturnUrl(this, options, request => request.ReturnUrl, "return_url");
        CheckoutRules.ReturnUrl(this, options, request => request.CancelUrl, "cancel_url");
        CheckoutRules.DiscountCodes(this, request => request.DiscountCode, request => request.DiscountCodes);
        CheckoutRules.Metadata(this, request => request.Metadata);

        RuleFor(request => request.CustomFields)
            .Must(fields => fields is null || fields.Count <= CheckoutRules.MaxCustomFields)
            .WithMessage($"custom_fields can have at most {CheckoutRules.MaxCustomFields} fields.")
            .OverridePropertyName("custom_fields");

        CheckoutRules.NotFromBrowser(this, request => request.PaymentMethodId, "payment_method_id");
        CheckoutRules.NotFromBrowser(this, request => request.ShowSavedPaymentMethods, "show_saved_payment_methods");
        foreach (var term in SubscriptionTerms)
        {
            CheckoutRules.NotFromBrowser(this, request => request.SubscriptionData?[term], $"subscription_data.{term}");
        }

        CheckoutRules.UnknownFields(this, options, UnknownFields);
    }

    /// <summary>
    /// Every field of the body the package does not model: at the top level, in a cart line, in the customer, and any
    /// key of <c>subscription_data</c> but its two known ones.
    /// </summary>
    private static IEnumerable<string> UnknownFields(CheckoutSessionRequest request) =>
        CheckoutRules.UnknownFields(string.Empty, request.AdditionalProperties?.Keys)
            .Concat(CheckoutRules.UnknownCartFields(request.ProductCart))
            .Concat(CheckoutRules.UnknownFields("customer.", request.Customer?.AdditionalProperties?.Keys))
            .Concat(CheckoutRules.UnknownFields("subscription_data.", request.SubscriptionData?.Select(pair => pair.Key).Except(SubscriptionTerms, StringComparer.Ordinal)));
}
