using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Http;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>The rules the checkout validators share, each written once. Error keys are the fields' wire names.</summary>
internal static class CheckoutRules
{
    public const int MaxDiscountCodes = 20;
    public const int MaxMetadataKeys = 50;
    public const int MaxCustomFields = 5;

    public const string NotFromBrowserMessage = "This field cannot be sent by the browser; the app sets it on the server (IDodoCheckoutHook).";

    public const string UnknownFieldMessage =
        "This package does not know this field, so the browser cannot send it: the app sets it on the server (IDodoCheckoutHook), " +
        "or lets browsers send fields it does not know with DodoPayments:Checkout:ForwardUnknownFields.";

    public static bool IsCountry(string? value) => value is not null && IsoCodes.Countries.Contains(value);

    public static bool IsCurrency(string? value) => value is not null && IsoCodes.Currencies.Contains(value);

    /// <summary>The first metadata entry whose value is not a string, number or boolean, or null when all are.</summary>
    public static string? FirstNonScalarMetadataKey(Dictionary<string, JsonElement>? metadata) =>
        metadata?.FirstOrDefault(entry => entry.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)).Key;

    public static void Metadata<T>(AbstractValidator<T> validator, Func<T, Dictionary<string, JsonElement>?> metadata)
    {
        validator.RuleFor(request => metadata(request))
            .Must(values => values is null || values.Count <= MaxMetadataKeys)
            .WithMessage($"metadata can have at most {MaxMetadataKeys} keys.")
            .Must(values => FirstNonScalarMetadataKey(values) is null)
            .WithMessage((request, values) => $"metadata values must be strings, numbers or booleans; '{FirstNonScalarMetadataKey(values)}' is not.")
            .OverridePropertyName("metadata");
    }

    public static void DiscountCodes<T>(AbstractValidator<T> validator, Func<T, string?> discountCode, Func<T, List<string>?> discountCodes)
    {
        validator.RuleFor(request => discountCodes(request))
            .Must((request, codes) => codes is null || discountCode(request) is null)
            .WithMessage("Send discount_code or discount_codes, not both.")
            .Must(codes => codes is null || codes.Count <= MaxDiscountCodes)
            .WithMessage($"discount_codes can have at most {MaxDiscountCodes} codes.")
            .Must(codes => codes is null || codes.TrueForAll(code => !string.IsNullOrWhiteSpace(code)))
            .WithMessage("discount_codes cannot hold empty codes.")
            .OverridePropertyName("discount_codes");
    }

    public static void Currency<T>(AbstractValidator<T> validator, Func<T, string?> currency, string field)
    {
        validator.RuleFor(request => currency(request))
            .Must(IsCurrency)
            .When(request => currency(request) is not null)
            .WithMessage($"{field} must be an ISO 4217 currency code in upper case, such as USD.")
            .OverridePropertyName(field);
    }

    /// <summary>
    /// A browser-supplied <c>return_url</c> or <c>cancel_url</c> must be on an allowed host (<see cref="DodoUrls.IsAllowedReturnUrl"/>),
    /// or the endpoint would be an open redirect. Absent is fine: the configured <c>ReturnUrl</c> is used.
    /// </summary>
    public static void ReturnUrl<T>(AbstractValidator<T> validator, IOptionsMonitor<DodoPaymentsOptions> options, Func<T, string?> url, string field)
    {
        validator.RuleFor(request => url(request))
            .Must(value => DodoUrls.IsAllowedReturnUrl(value, options.CurrentValue))
            .When(request => url(request) is not null)
            .WithMessage(DodoUrls.ReturnUrlRefusal(field))
            .OverridePropertyName(field);
    }

    /// <summary>An id that goes into an API path (a product looked up): required, and not <c>.</c> or <c>..</c>.</summary>
    public static void ProductId<T>(AbstractValidator<T> validator, Func<T, string?> productId, string field, string requiredMessage)
    {
        validator.RuleFor(request => productId(request))
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(requiredMessage)
            .Must(DodoUrls.IsSafeId)
            .WithMessage(DodoUrls.UnsafeIdMessage(field))
            .OverridePropertyName(field);
    }

    /// <summary>The browser may not pick an existing customer: that would act for someone else.</summary>
    public static void Customer<T>(AbstractValidator<T> validator, Func<T, CustomerRequest?> customer)
    {
        validator.RuleFor(request => customer(request)!.CustomerId)
            .Null()
            .When(request => customer(request) is not null)
            .WithMessage(NotFromBrowserMessage)
            .OverridePropertyName("customer.customer_id");
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

    public static void NotFromBrowser<T, TValue>(AbstractValidator<T> validator, Func<T, TValue?> value, string field)
    {
        validator.RuleFor(request => value(request))
            .Null()
            .WithMessage(NotFromBrowserMessage)
            .OverridePropertyName(field);
    }

    /// <summary>
    /// Refuses every field <paramref name="unknownFields"/> names (wire paths, such as <c>product_cart[0].credit_entitlements</c>),
    /// unless the app opted in with <see cref="DodoCheckoutOptions.ForwardUnknownFields"/>. A field the package does not
    /// model could be one Dodo added that changes the price, so a browser may not send it by default.
    /// </summary>
    public static void UnknownFields<T>(AbstractValidator<T> validator, IOptionsMonitor<DodoPaymentsOptions> options, Func<T, IEnumerable<string>> unknownFields)
    {
        validator.RuleFor(request => request)
            .Custom((request, context) =>
            {
                if (options.CurrentValue.Checkout.ForwardUnknownFields)
                {
                    return;
                }

                foreach (var field in unknownFields(request))
                {
                    context.AddFailure(new ValidationFailure(field, UnknownFieldMessage));
                }
            });
    }

    /// <summary>The wire paths of the fields a cart's lines carry but the package does not model.</summary>
    public static IEnumerable<string> UnknownCartFields(List<ProductCartItem>? cart)
    {
        for (var i = 0; i < (cart?.Count ?? 0); i++)
        {
            foreach (var field in UnknownFields($"product_cart[{i}].", cart![i]?.AdditionalProperties?.Keys))
            {
                yield return field;
            }
        }
    }

    /// <summary>The wire paths of <paramref name="names"/> under <paramref name="prefix"/> (empty at the top level, or <c>customer.</c>).</summary>
    public static IEnumerable<string> UnknownFields(string prefix, IEnumerable<string>? names) =>
        names?.Select(name => prefix + name) ?? [];
}
