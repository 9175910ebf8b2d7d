using System.Linq.Expressions;
using DodoPayments.AspNetCore.Http;
using DodoPayments.AspNetCore.Webhooks;
using FluentValidation;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// The start-up rules for <see cref="DodoPaymentsOptions"/>. Each message names the configuration key and what is
/// expected, never a secret's value. Which keys are required depends on the endpoints the app mapped.
/// </summary>
internal sealed class DodoPaymentsOptionsValidator : AbstractValidator<DodoPaymentsOptions>
{
    private static readonly string[] ProrationBillingModes =
        ["prorated_immediately", "full_immediately", "difference_immediately", "do_not_bill"];

    private static readonly string[] OnPaymentFailureValues = ["prevent_change", "apply_change"];

    private static readonly TimeSpan LongestApiTimeout = TimeSpan.FromMinutes(10);

    private readonly string _path;

    public DodoPaymentsOptionsValidator(DodoPaymentsMarker marker)
    {
        var path = _path = marker.ConfigurationPath;

        RuleForEach(options => options.BindingErrors)
            .Must(_ => false)
            .WithMessage((_, error) => error);

        RuleFor(options => options.ApiKey)
            .NotEmpty()
            .When(_ => marker.IsMapped(DodoPaymentsFeatures.CallsApi))
            .WithMessage($"{path}:ApiKey is required when a checkout, customer portal or plan change endpoint is mapped (or set {DodoPaymentsEnvironmentVariables.ApiKey}).");

        RuleFor(options => options.ApiKey)
            .Must(IsPrintableAscii)
            .When(options => !string.IsNullOrWhiteSpace(options.ApiKey))
            .WithMessage($"{path}:ApiKey (or {DodoPaymentsEnvironmentVariables.ApiKey}) holds whitespace, a control character or a non-ASCII character; copy the key again from the Dodo dashboard.");

        // Enum.IsDefined<T> rather than FluentValidation's IsInEnum, whose flags check is not Native-AOT-safe.
        RuleFor(options => options.Environment)
            .Must(environment => Enum.IsDefined(environment))
            .WithMessage($"{path}:Environment must be test_mode or live_mode.");

        RuleFor(options => options.WebhookKey)
            .Must((options, key) => !string.IsNullOrWhiteSpace(key) || options.WebhookKeys.Count > 0)
            .When(_ => marker.IsMapped(DodoPaymentsFeatures.Webhooks))
            .WithMessage($"{path}:WebhookKey is required when the webhook endpoint is mapped (or set {DodoPaymentsEnvironmentVariables.WebhookKey}); copy the signing secret from the Dodo dashboard.");

        RuleFor(options => options.WebhookKey)
            .Must(key => WebhookSecret.TryDecode(key, out _))
            .When(options => !string.IsNullOrWhiteSpace(options.WebhookKey))
            .WithMessage($"{path}:WebhookKey is not a valid signing secret: expected whsec_ followed by base64, as the Dodo dashboard shows it.");

        RuleForEach(options => options.WebhookKeys)
            .Must(key => WebhookSecret.TryDecode(key, out _))
            .WithMessage((_, _) => $"{path}:WebhookKeys has an entry that is not a valid signing secret: expected whsec_ followed by base64.");

        AbsoluteUrl(options => options.ReturnUrl, "ReturnUrl", "https://shop.example.com/thanks");
        AbsoluteUrl(options => options.ApiBaseUrl, "ApiBaseUrl", "https://test.dodopayments.com");
        AbsoluteUrl(options => options.CheckoutBaseUrl, "CheckoutBaseUrl", "https://test.checkout.dodopayments.com");

        RuleFor(options => options.ApiTimeout)
            .Must(timeout => timeout > TimeSpan.Zero && timeout <= LongestApiTimeout)
            .WithMessage($"{path}:ApiTimeout must be more than zero and at most {LongestApiTimeout:c}.");

        NotNegative(options => options.Checkout.ProductCacheDuration, "Checkout:ProductCacheDuration");
        NotNegative(options => options.Checkout.MissingProductCacheDuration, "Checkout:MissingProductCacheDuration");

        RuleFor(options => options.PlanChange.ProrationBillingMode)
            .Must(mode => ProrationBillingModes.Contains(mode, StringComparer.Ordinal))
            .WithMessage(options => $"{path}:PlanChange:ProrationBillingMode must be one of {string.Join(", ", ProrationBillingModes)}, not '{options.PlanChange.ProrationBillingMode}'.");

        RuleFor(options => options.PlanChange.OnPaymentFailure)
            .Must(value => value is null || OnPaymentFailureValues.Contains(value, StringComparer.Ordinal))
            .WithMessage(options => $"{path}:PlanChange:OnPaymentFailure must be one of {string.Join(", ", OnPaymentFailureValues)} or unset, not '{options.PlanChange.OnPaymentFailure}'.");

        PositiveBytes(options => options.MaxRequestBodySize, "MaxRequestBodySize");

        RuleForEach(options => options.AllowedReturnHosts)
            .Must(host => Uri.CheckHostName(host) != UriHostNameType.Unknown)
            .WithMessage((_, host) => $"{path}:AllowedReturnHosts has an entry that is not a host name: '{host}' (write shop.example.com, without a scheme or path).");

        PositiveBytes(options => options.Webhooks.MaxRequestBodySize, "Webhooks:MaxRequestBodySize");
        MoreThanZero(options => options.Webhooks.TimestampTolerance, "Webhooks:TimestampTolerance");
        MoreThanZero(options => options.Webhooks.IdempotencyRetention, "Webhooks:IdempotencyRetention");
        MoreThanZero(options => options.Webhooks.SlowHandlerThreshold, "Webhooks:SlowHandlerThreshold");
        MoreThanZero(options => options.Webhooks.HandlerTimeout, "Webhooks:HandlerTimeout");

        RuleFor(options => options.Webhooks.ClaimLease)
            .GreaterThanOrEqualTo(TimeSpan.FromSeconds(1))
            .WithMessage($"{path}:Webhooks:ClaimLease must be at least one second.");

        RuleFor(options => options.Webhooks.Inbox.MaxAttempts)
            .GreaterThan(0)
            .WithMessage($"{path}:Webhooks:Inbox:MaxAttempts must be at least 1.");

        MoreThanZero(options => options.Webhooks.Inbox.FirstRetryDelay, "Webhooks:Inbox:FirstRetryDelay");
    }

    /// <summary>A URL that, when set, must be absolute http(s), as <paramref name="example"/>.</summary>
    private void AbsoluteUrl(Expression<Func<DodoPaymentsOptions, string?>> option, string key, string example) =>
        RuleFor(option)
            .Must(url => url is null || DodoUrls.IsAbsoluteHttpUrl(url))
            .WithMessage($"{_path}:{key} must be an absolute http or https URL such as {example}.");

    private void MoreThanZero(Expression<Func<DodoPaymentsOptions, TimeSpan>> option, string key) =>
        RuleFor(option).GreaterThan(TimeSpan.Zero).WithMessage($"{_path}:{key} must be more than zero.");

    private void NotNegative(Expression<Func<DodoPaymentsOptions, TimeSpan>> option, string key) =>
        RuleFor(option).GreaterThanOrEqualTo(TimeSpan.Zero).WithMessage($"{_path}:{key} must not be negative.");

    private void PositiveBytes(Expression<Func<DodoPaymentsOptions, long>> option, string key) =>
        RuleFor(option).GreaterThan(0).WithMessage($"{_path}:{key} must be a positive number of bytes.");

    /// <summary>An API key goes into the <c>Authorization</c> header as it is: visible ASCII only, no spaces.</summary>
    private static bool IsPrintableAscii(string? value)
    {
        foreach (var character in value.AsSpan())
        {
            if (character is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
