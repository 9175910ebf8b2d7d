using System.Linq.Expressions;
using DodoPayments.AspNetCore.DependencyInjection;
using FluentValidation;

namespace DodoPayments.AspNetCore.HealthChecks.Internal;

/// <summary>
/// The rules of <see cref="DodoPaymentsHealthCheckOptions"/>: each message names its configuration key
/// (<c>DodoPayments:HealthChecks:…</c>, under the section <c>AddDodoPayments</c> bound) and what is expected.
/// </summary>
internal sealed class DodoPaymentsHealthCheckOptionsValidator : AbstractValidator<DodoPaymentsHealthCheckOptions>
{
    private readonly string _path;

    public DodoPaymentsHealthCheckOptionsValidator(DodoPaymentsMarker marker)
    {
        _path = $"{marker.ConfigurationPath}:HealthChecks";

        Thresholds(
            options => options.InboxBacklogDegradedThreshold,
            options => options.InboxBacklogUnhealthyThreshold,
            static options => options.InboxBacklogDegradedThreshold,
            nameof(DodoPaymentsHealthCheckOptions.InboxBacklogDegradedThreshold),
            nameof(DodoPaymentsHealthCheckOptions.InboxBacklogUnhealthyThreshold));
        Thresholds(
            options => options.DeadEventsDegradedThreshold,
            options => options.DeadEventsUnhealthyThreshold,
            static options => options.DeadEventsDegradedThreshold,
            nameof(DodoPaymentsHealthCheckOptions.DeadEventsDegradedThreshold),
            nameof(DodoPaymentsHealthCheckOptions.DeadEventsUnhealthyThreshold));

        RuleFor(options => options.StoreTimeout)
            .GreaterThan(TimeSpan.Zero)
            .WithMessage($"{_path}:StoreTimeout must be more than zero.");
    }

    /// <summary>0 ≤ degraded ≤ unhealthy ≤ <see cref="DodoPaymentsHealthCheckOptions.MaxThreshold"/>.</summary>
    private void Thresholds(
        Expression<Func<DodoPaymentsHealthCheckOptions, int>> degraded,
        Expression<Func<DodoPaymentsHealthCheckOptions, int>> unhealthy,
        Func<DodoPaymentsHealthCheckOptions, int> readDegraded,
        string degradedKey,
        string unhealthyKey)
    {
        RuleFor(degraded)
            .InclusiveBetween(0, DodoPaymentsHealthCheckOptions.MaxThreshold)
            .WithMessage($"{_path}:{degradedKey} must be from 0 to {DodoPaymentsHealthCheckOptions.MaxThreshold}.");
        RuleFor(unhealthy)
            .Must((options, value) => value >= readDegraded(options) && value <= DodoPaymentsHealthCheckOptions.MaxThreshold)
            .WithMessage(options => $"{_path}:{unhealthyKey} must be at least {degradedKey} ({readDegraded(options)}) and at most {DodoPaymentsHealthCheckOptions.MaxThreshold}.");
    }
}
