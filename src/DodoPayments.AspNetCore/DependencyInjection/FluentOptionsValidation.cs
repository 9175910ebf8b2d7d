using FluentValidation;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>Runs the FluentValidation rules whenever the options are built, at start-up first (<c>ValidateOnStart</c>).</summary>
/// <typeparam name="TOptions">The options validated.</typeparam>
internal sealed class FluentOptionsValidation<TOptions>(IValidator<TOptions> validator) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) => Check(validator, options);

    /// <summary>The validator's verdict as an options result: its messages, which name the configuration keys, one per problem.</summary>
    public static ValidateOptionsResult Check(IValidator<TOptions> validator, TOptions options)
    {
        var result = validator.Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(error => error.ErrorMessage));
    }
}
