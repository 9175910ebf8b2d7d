using System.Globalization;
using DodoPayments.AspNetCore.Http;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>What a static checkout's query string must hold; keys are the query names (<c>productId</c>, <c>quantity</c>).</summary>
internal sealed class StaticCheckoutRequestValidator : AbstractValidator<StaticCheckoutRequest>
{
    public StaticCheckoutRequestValidator()
    {
        DodoRules.Id(this, request => request.ProductId, StaticCheckoutQuery.ProductId);

        RuleFor(request => request.Quantity)
            .Must(quantity => int.TryParse(quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            .When(request => request.Quantity is not null)
            .WithMessage("quantity must be a whole number more than zero.")
            .OverridePropertyName(StaticCheckoutQuery.Quantity);

        RuleFor(request => request.Metadata)
            .Must(metadata => metadata.Count <= CheckoutRules.MaxMetadataKeys)
            .WithMessage($"At most {CheckoutRules.MaxMetadataKeys} metadata_* parameters can be sent.")
            .OverridePropertyName("metadata");
    }
}
