using System.Text.Json;
using DodoPayments.AspNetCore.Http;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>What a browser may send as a dynamic checkout; run before the hook and before any call to Dodo.</summary>
/// <remarks>
/// Fields the package does not model are treated as in a checkout session: refused unless
/// <see cref="DodoCheckoutOptions.ForwardUnknownFields"/> is on, because <c>POST /payments</c> and
/// <c>POST /subscriptions</c> take fields that set prices too. When they are forwarded, a <c>cancel_url</c> among them
/// is held to the same allowed hosts as <c>return_url</c>.
/// </remarks>
internal sealed class DynamicCheckoutRequestValidator : AbstractValidator<DynamicCheckoutRequest>
{
    private const string CancelUrl = "cancel_url";

    public DynamicCheckoutRequestValidator(IOptionsMonitor<DodoPaymentsOptions> options)
    {
        // An empty product_id next to a cart means "the cart decides", as in the adaptors; any other value is looked up.
        RuleFor(request => request.ProductId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .When(request => request.ProductCart is not { Count: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage("product_id is required (or send product_cart).")
            .Must(id => string.IsNullOrEmpty(id) || DodoUrls.IsSafeId(id))
            .WithMessage(DodoUrls.UnsafeIdMessage("product_id"))
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

        CheckoutRules.Customer(this, request => request.Customer);
        CheckoutRules.BillingAddress(this, request => request.Billing, "billing");
        CheckoutRules.Currency(this, request => request.BillingCurrency, "billing_currency");
        CheckoutRules.ReturnUrl(this, options, request => request.ReturnUrl, "return_url");
        CheckoutRules.ReturnUrl(this, options, request => options.CurrentValue.Checkout.ForwardUnknownFields ? ForwardedCancelUrl(request) : null, CancelUrl);
        CheckoutRules.DiscountCodes(this, request => request.DiscountCode, request => request.DiscountCodes);
        CheckoutRules.Metadata(this, request => request.Metadata);
        CheckoutRules.NotFromBrowser(this, request => request.PaymentMethodId, "payment_method_id");
        CheckoutRules.NotFromBrowser(this, request => request.ShowSavedPaymentMethods, "show_saved_payment_methods");
        CheckoutRules.NotFromBrowser(this, request => request.TrialPeriodDays, "trial_period_days");
        CheckoutRules.NotFromBrowser(this, request => request.OnDemand, "on_demand");
        CheckoutRules.UnknownFields(this, options, request =>
            CheckoutRules.UnknownFields(string.Empty, request.AdditionalProperties?.Keys)
                .Concat(CheckoutRules.UnknownCartFields(request.ProductCart))
                .Concat(CheckoutRules.UnknownFields("customer.", request.Customer?.AdditionalProperties?.Keys)));
    }

    /// <summary>A <c>cancel_url</c> among the forwarded fields, as text (a value that is not a string cannot pass as a URL).</summary>
    private static string? ForwardedCancelUrl(DynamicCheckoutRequest request) =>
        request.AdditionalProperties?.TryGetValue(CancelUrl, out var value) == true
            ? value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;
}
