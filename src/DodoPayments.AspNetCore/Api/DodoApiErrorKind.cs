namespace DodoPayments.AspNetCore.Api;

/// <summary>How a call to the Dodo API failed.</summary>
public enum DodoApiErrorKind
{
    /// <summary>The API answered with a status outside 2xx; see <see cref="DodoApiException.StatusCode"/>, <see cref="DodoApiException.ErrorCode"/> and <see cref="DodoApiException.ErrorMessage"/>.</summary>
    ErrorResponse = 0,

    /// <summary>The API did not answer within <see cref="DodoPaymentsOptions.ApiTimeout"/>.</summary>
    Timeout = 1,

    /// <summary>The API could not be reached (DNS, connection, TLS), or its answer could not be read.</summary>
    Unreachable = 2,
}
