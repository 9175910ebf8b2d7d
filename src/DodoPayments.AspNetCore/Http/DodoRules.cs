using System.Linq.Expressions;
using DodoPayments.AspNetCore.Api;
using FluentValidation;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// The validation rules more than one feature's validators share (checkout and plan change), each written once. Error
/// keys are the fields' wire names. What a browser may not send at all is <see cref="DodoBrowserPolicy"/>'s, not a rule.
/// </summary>
internal static class DodoRules
{
    /// <summary>Dodo's limit on stacked discount codes.</summary>
    public const int MaxDiscountCodes = 20;

    /// <summary>An id that goes to Dodo (see <see cref="DodoUrls.IdProblem"/>): required unless <paramref name="requiredMessage"/> gives null, and safe in a URL path.</summary>
    public static void Id<T>(AbstractValidator<T> validator, Func<T, string?> id, string field, Func<T, string?> requiredMessage)
    {
        validator.RuleFor(request => id(request))
            .Must((request, value) => DodoUrls.IdProblem(field, value, requiredMessage(request)) is null)
            .WithMessage((request, value) => DodoUrls.IdProblem(field, value, requiredMessage(request)))
            .OverridePropertyName(field);
    }

    /// <summary>A required id: <c>"{field} is required."</c> when absent.</summary>
    public static void Id<T>(AbstractValidator<T> validator, Func<T, string?> id, string field) =>
        Id(validator, id, field, _ => $"{field} is required.");

    /// <summary><c>discount_code</c> or <c>discount_codes</c>, not both (a body without <c>discount_code</c> passes null); at most 20 codes, none blank.</summary>
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

    /// <summary>Each addon of <paramref name="addons"/>: keys come out as <c>…addons[0].quantity</c>.</summary>
    public static void Addons<T>(AbstractValidator<T> validator, Expression<Func<T, IEnumerable<AddonCartItem>>> addons)
    {
        validator.RuleForEach(addons)
            .NotNull()
            .WithMessage("addons must not contain null.")
            .SetValidator(AddonValidator.Instance)
            .OverridePropertyName("addons");
    }

    private sealed class AddonValidator : AbstractValidator<AddonCartItem>
    {
        public static readonly AddonValidator Instance = new();

        private AddonValidator()
        {
            RuleFor(addon => addon.AddonId)
                .NotEmpty()
                .WithMessage("addon_id is required.")
                .OverridePropertyName("addon_id");

            RuleFor(addon => addon.Quantity)
                .NotNull()
                .WithMessage("quantity is required.")
                .GreaterThanOrEqualTo(0)
                .WithMessage("quantity must not be negative.")
                .OverridePropertyName("quantity");
        }
    }
}
