using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// What Dodo requires of a payment link (DODO.md §3.2): <c>billing</c> with its <c>country</c>, and a <c>customer</c>.
/// Checked after the app's hooks, which may fill them in from the signed-in user, and before any call to Dodo, as the
/// official core does. Not a DI service: these are Dodo's rules, not the app's to relax.
/// </summary>
internal sealed class PaymentLinkRequirements : AbstractValidator<DynamicCheckoutRequest>
{
    public static readonly PaymentLinkRequirements Instance = new();

    private PaymentLinkRequirements()
    {
        RuleFor(request => request.Billing)
            .NotNull()
            .WithMessage("billing is required: Dodo needs the billing address, with its country, to create a payment link.")
            .OverridePropertyName("billing");

        RuleFor(request => request.Billing!.Country)
            .NotEmpty()
            .When(request => request.Billing is not null)
            .WithMessage("billing.country is required.")
            .OverridePropertyName("billing.country");

        RuleFor(request => request.Customer)
            .NotNull()
            .WithMessage("customer is required: send the customer's email and name (or let the app's hook set the signed-in customer).")
            .Must(customer => customer is null || !string.IsNullOrEmpty(customer.CustomerId) || !string.IsNullOrEmpty(customer.Email))
            .WithMessage("customer needs an email (or a customer_id, which the app's hook sets).")
            .OverridePropertyName("customer");
    }
}
