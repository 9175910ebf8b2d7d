using DodoPayments.AspNetCore.DependencyInjection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.HealthChecks.Internal;

/// <summary>
/// Validates <see cref="DodoPaymentsHealthCheckOptions"/> whenever they are built, at start-up first
/// (<c>ValidateOnStart</c>): a health check registered without <c>AddDodoPayments</c>, or with thresholds that cannot
/// work, stops the app with a message saying so.
/// </summary>
internal sealed class DodoPaymentsHealthCheckOptionsValidation(IServiceProvider services) : IValidateOptions<DodoPaymentsHealthCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, DodoPaymentsHealthCheckOptions options)
    {
        if (services.GetService<DodoPaymentsMarker>() is null)
        {
            return ValidateOptionsResult.Fail(
                "AddHealthChecks().AddDodoPayments() needs the Dodo Payments services, which are not registered. " +
                "Call builder.Services.AddDodoPayments() in Program.cs before building the app.");
        }

        return FluentOptionsValidation<DodoPaymentsHealthCheckOptions>.Check(services.GetRequiredService<IValidator<DodoPaymentsHealthCheckOptions>>(), options);
    }
}
