using FluentValidation.Results;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// What a browser may not decide, for every endpoint a browser calls: fields only the app may set (prices, billing
/// terms, an existing customer), fields the package does not model (Dodo adds fields often, and a new one could change
/// what the customer pays), and return URLs on hosts that are not allowed (an open redirect otherwise). Each endpoint
/// names its fields; the rules and their messages are written here once. The policy runs on what the browser sent,
/// before the app's hooks, which may set any of these fields on the server; it is not part of the replaceable
/// validators, so an app replacing one cannot lift it by accident.
/// </summary>
/// <param name="options">The request's options (allowed return hosts, the configured return URL).</param>
/// <param name="hook">The hook through which the app sets these fields, such as <c>IDodoCheckoutHook</c>.</param>
/// <param name="optionsSection">The options section that sets some of them too, or null.</param>
/// <param name="forwardUnknownFieldsKey">The key that lets browsers send fields the package does not model, or null when there is none.</param>
/// <param name="forwardUnknownFields">Whether that key is on for this request.</param>
internal sealed class DodoBrowserPolicy(
    DodoPaymentsOptions options,
    string hook,
    string? optionsSection = null,
    string? forwardUnknownFieldsKey = null,
    bool forwardUnknownFields = false)
{
    private readonly List<ValidationFailure> _failures = [];

    public IReadOnlyList<ValidationFailure> Failures => _failures;

    /// <summary>Whether fields the package does not model are forwarded for this request instead of refused.</summary>
    public bool ForwardsUnknownFields => forwardUnknownFields;

    public string ServerOnlyMessage =>
        $"This field cannot be sent by the browser; the app sets it on the server ({(optionsSection is null ? hook : $"{optionsSection} options or {hook}")}).";

    public string UnmodelledMessage =>
        $"This package does not know this field, so the browser cannot send it: the app sets it on the server ({hook})" +
        (forwardUnknownFieldsKey is null ? "." : $", or lets browsers send fields it does not know with {forwardUnknownFieldsKey}.");

    /// <summary>Refuses <paramref name="field"/> when the browser sent it (any value but JSON <c>null</c>).</summary>
    public void ServerOnly(string field, object? value)
    {
        if (value is not null)
        {
            _failures.Add(new ValidationFailure(field, ServerOnlyMessage));
        }
    }

    /// <summary>Refuses each field in <paramref name="names"/> (wire names under <paramref name="prefix"/>, such as <c>customer.</c>), unless forwarding is on.</summary>
    public void Unmodelled(string prefix, IEnumerable<string>? names)
    {
        if (ForwardsUnknownFields || names is null)
        {
            return;
        }

        foreach (var name in names)
        {
            _failures.Add(new ValidationFailure(prefix + name, UnmodelledMessage));
        }
    }

    /// <summary>Refuses a <c>return_url</c> or <c>cancel_url</c> the browser sent when <see cref="DodoUrls.IsAllowedReturnUrl"/> does not allow it.</summary>
    public void ReturnUrl(string field, string? url)
    {
        if (url is not null && !DodoUrls.IsAllowedReturnUrl(url, options))
        {
            _failures.Add(new ValidationFailure(field, DodoUrls.ReturnUrlRefusal(field)));
        }
    }
}
