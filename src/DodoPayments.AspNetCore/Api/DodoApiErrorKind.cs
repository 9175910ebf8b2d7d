namespace DodoPayments.AspNetCore.Api;

/// <summary>How a call to the Dodo API failed.</summary>
public enum DodoApiErrorKind
{
    /// <summary>The API answered with a status outside 2xx; see <see cref="DodoApiException.StatusCode"/>, <see cref="DodoApiException.ErrorCode"/> and <see cref="DodoApiException.ErrorMessage"/>.</summary>
    ErrorResponse = 0,

    /// <summary>The API did not answer within <see cref="DodoPaymentsOptions.ApiTimeout"/>.</summary>
    Timeout = 1,

    /// <summary>The API could not be reached (DNS, connection, TLS), or the connection broke before its answer was read.</summary>
    Unreachable = 2,

    /// <summary>
    /// The API answered 2xx, but with a body that is not the JSON the call expects (empty where a result is required,
    /// HTML from a proxy, the wrong shape), or with a link for the browser (<c>checkout_url</c>, <c>payment_link</c>, the
    /// portal <c>link</c>) that is not an absolute http(s) URL. The endpoints answer 502: nothing unchecked reaches a browser.
    /// </summary>
    UnreadableResponse = 3,
}
