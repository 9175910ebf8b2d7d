using System.Linq.Expressions;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// The rules the checkout validators share, each written once; rules plan change shares too are
/// <see cref="Http.DodoRules"/>'s, and what a browser may not send is <see cref="CheckoutBrowserFields"/>'. Error keys
/// are the fields' wire names.
/// </summary>
internal static class CheckoutRules
{
    public const int MaxMetadataKeys = 50;
    public const int MaxCustomFields = 5;

    private static bool IsCountry(string? value) => value is not null && IsoCodes.Countries.Contains(value);

    private static bool IsCurrency(string? value) => value is not null && IsoCodes.Currencies.Contains(value);

    /// <summary>The first metadata key whose value is not a string, number or boolean, or null when all are.</summary>
    private static string? FirstNonScalarMetadataKey(DodoMetadata? metadata) =>
        metadata?.Keys.FirstOrDefault(key => metadata.GetValueKind(key) is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False));

    /// <summary>
    /// The rules of the fields a checkout session and a dynamic checkout share: the customer's email, the billing
    /// currency, discount codes and metadata. A new field both bodies share, with a rule, goes here once.
    /// </summary>
    public static void SharedFields<T>(
        AbstractValidator<T> validator,
        Func<T, Customer?> customer,
        Func<T, string?> billingCurrency,
        Func<T, string?> discountCode,
        Func<T, List<string>?> discountCodes,
        Func<T, DodoMetadata?> metadata)
    {
        CustomerEmail(validator, customer);
        Currency(validator, billingCurrency, "billing_currency");
        DodoRules.DiscountCodes(validator, discountCode, discountCodes);
        Metadata(validator, metadata);
    }

    private static void Metadata<T>(AbstractValidator<T> validator, Func<T, DodoMetadata?> metadata)
    {
        validator.RuleFor(request => metadata(request))
            .Must(values => values is null || values.Count <= MaxMetadataKeys)
            .WithMessage($"metadata can have at most {MaxMetadataKeys} keys.")
            .Must(values => FirstNonScalarMetadataKey(values) is null)
            .WithMessage((request, values) => $"metadata values must be strings, numbers or booleans; '{FirstNonScalarMetadataKey(values)}' is not.")
            .OverridePropertyName("metadata");
    }

    private static void Currency<T>(AbstractValidator<T> validator, Func<T, string?> currency, string field)
    {
        validator.RuleFor(request => currency(request))
            .Must(IsCurrency)
            .When(request => currency(request) is not null)
            .WithMessage($"{field} must be an ISO 4217 currency code in upper case, such as USD.")
            .OverridePropertyName(field);
    }

    private static void CustomerEmail<T>(AbstractValidator<T> validator, Func<T, Customer?> customer)
    {
        validator.RuleFor(request => customer(request)!.Email)
            .EmailAddress()
            .When(request => customer(request)?.Email is not null)
            .WithMessage("customer.email must be an email address.")
            .OverridePropertyName("customer.email");
    }

    public static void BillingAddress<T>(AbstractValidator<T> validator, Func<T, BillingAddress?> billing, string field)
    {
        validator.RuleFor(request => billing(request)!.Country)
            .NotEmpty()
            .WithMessage($"{field}.country is required.")
            .Must(IsCountry)
            .WithMessage($"{field}.country must be an ISO 3166-1 alpha-2 country code in upper case, such as US.")
            .When(request => billing(request) is not null)
            .OverridePropertyName($"{field}.country");
    }

    /// <summary>Each line of a <c>product_cart</c>: its product, a positive quantity and its addons; keys come out as <c>product_cart[0].quantity</c>.</summary>
    public static void ProductCart<T>(AbstractValidator<T> validator, Expression<Func<T, IEnumerable<ProductCartItem>>> cart)
    {
        validator.RuleForEach(cart)
            .SetValidator(CartLine.Instance)
            .OverridePropertyName("product_cart");
    }

    private sealed class CartLine : AbstractValidator<ProductCartItem>
    {
        public static readonly CartLine Instance = new();

        private CartLine()
        {
            DodoRules.Id(this, item => item.ProductId, "product_id");

            RuleFor(item => item.Quantity)
                .NotNull()
                .WithMessage("quantity is required.")
                .GreaterThan(0)
                .WithMessage("quantity must be more than zero.")
                .OverridePropertyName("quantity");

            DodoRules.Addons(this, item => item.Addons!);
        }
    }
}
