using FluentValidation;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>Runs the FluentValidation rules whenever the options are built, at start-up first (<c>ValidateOnStart</c>).</summary>
internal sealed class DodoPaymentsOptionsValidation(IValidator<DodoPaymentsOptions> validator) : IValidateOptions<DodoPaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, DodoPaymentsOptions options)
    {
        var result = validator.Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(error => error.ErrorMessage));
    }
}
