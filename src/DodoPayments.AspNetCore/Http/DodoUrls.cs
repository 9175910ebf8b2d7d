namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// The URL and id rules every endpoint shares: what an absolute http(s) URL is, which return URLs a browser may ask
/// for, and which ids may go into an API path. One place each, so checkout, portal and plan change agree.
/// </summary>
internal static class DodoUrls
{
    /// <summary>Absolute http or https with a host. (On Unix a bare <c>/thanks</c> parses as an absolute <c>file://</c> URI, hence the scheme check.)</summary>
    public static bool IsAbsoluteHttpUrl(string? value) => TryParseAbsoluteHttpUrl(value, out _);

    /// <summary>Parses <paramref name="value"/> when it is an absolute http or https URL with a host.</summary>
    public static bool TryParseAbsoluteHttpUrl(string? value, out Uri uri)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>
    /// Whether a browser-supplied <c>return_url</c> or <c>cancel_url</c> may be sent on: an absolute http(s) URL whose
    /// host is in <see cref="DodoPaymentsOptions.AllowedReturnHosts"/>, or, when that list is empty, the host of
    /// <see cref="DodoPaymentsOptions.ReturnUrl"/>. The request's own <c>Host</c> header never counts: it is the
    /// sender's to choose. Anything else would make the endpoint an open redirect.
    /// </summary>
    public static bool IsAllowedReturnUrl(string? value, DodoPaymentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryParseAbsoluteHttpUrl(value, out var uri))
        {
            return false;
        }

        if (options.AllowedReturnHosts.Count > 0)
        {
            foreach (var host in options.AllowedReturnHosts)
            {
                if (string.Equals(uri.IdnHost, new UriBuilder(Uri.UriSchemeHttps, host).Uri.IdnHost, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        return TryParseAbsoluteHttpUrl(options.ReturnUrl, out var configured)
            && string.Equals(uri.IdnHost, configured.IdnHost, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The message of a 400 for a return URL that <see cref="IsAllowedReturnUrl"/> refused, naming the field.</summary>
    public static string ReturnUrlRefusal(string field) =>
        $"{field} must be an absolute http or https URL on an allowed host (DodoPayments:AllowedReturnHosts, or the host of DodoPayments:ReturnUrl).";

    /// <summary>
    /// Whether an id (product, customer, subscription) may go into an API path: not empty or blank, and not <c>.</c> or
    /// <c>..</c>, which a URL would read as a path step even when escaped.
    /// </summary>
    public static bool IsSafeId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id != "." && id != "..";

    /// <summary>The message of a 400 for an id that <see cref="IsSafeId"/> refused.</summary>
    public static string UnsafeIdMessage(string field) => $"{field} must be a non-empty id, not '.' or '..'.";

    /// <summary>
    /// What is wrong with an id that goes to Dodo, or null: absent (null or empty) answers
    /// <paramref name="requiredMessage"/> (nothing when the id is optional), and a present one must be
    /// <see cref="IsSafeId">safe</see>. The one rule for product, customer and subscription ids, before the hooks
    /// (what the browser sent) and after them (what goes to Dodo).
    /// </summary>
    public static string? IdProblem(string field, string? id, string? requiredMessage) =>
        string.IsNullOrEmpty(id) ? requiredMessage : IsSafeId(id) ? null : UnsafeIdMessage(field);
}
