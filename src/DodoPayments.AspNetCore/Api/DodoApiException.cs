using System.Net;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// A call to the Dodo API failed: a non-2xx answer (with Dodo's <c>code</c> and <c>message</c>), a timeout, an
/// unreachable host, or a 2xx answer that cannot be used; <see cref="Kind"/> tells which. The message never contains
/// the API key, nor what Dodo answered with a 2xx.
/// </summary>
public sealed class DodoApiException : Exception
{
    /// <summary>Creates an exception for a failed call.</summary>
    /// <param name="kind">How the call failed.</param>
    /// <param name="operation">What was being done, such as <c>GET /products/{id}</c>.</param>
    /// <param name="statusCode">The HTTP status of the answer, for <see cref="DodoApiErrorKind.ErrorResponse"/> and <see cref="DodoApiErrorKind.UnreadableResponse"/>.</param>
    /// <param name="errorCode">Dodo's error <c>code</c>, such as <c>NOT_FOUND</c>, when the answer had one.</param>
    /// <param name="errorMessage">Dodo's error <c>message</c>, when the answer had one.</param>
    /// <param name="innerException">The exception behind a timeout, an unreachable host or an unreadable answer.</param>
    public DodoApiException(
        DodoApiErrorKind kind,
        string operation,
        HttpStatusCode? statusCode = null,
        string? errorCode = null,
        string? errorMessage = null,
        Exception? innerException = null)
        : base(Describe(kind, operation, statusCode, errorCode, errorMessage), innerException)
    {
        Kind = kind;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>How the call failed.</summary>
    public DodoApiErrorKind Kind { get; }

    /// <summary>The call, such as <c>POST /checkouts</c>, with ids left out.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status Dodo answered with; null for a timeout or an unreachable host.</summary>
    /// <remarks>For <see cref="DodoApiErrorKind.UnreadableResponse"/> it is the 2xx status of the answer that could not be used.</remarks>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Dodo's error <c>code</c> (<c>NOT_FOUND</c>, <c>INVALID_REQUEST_BODY</c>, …), when the answer had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Dodo's error <c>message</c>, when the answer had one.</summary>
    public string? ErrorMessage { get; }

    private static string Describe(DodoApiErrorKind kind, string operation, HttpStatusCode? statusCode, string? errorCode, string? errorMessage) => kind switch
    {
        DodoApiErrorKind.Timeout => $"The Dodo Payments API did not answer {operation} in time.",
        DodoApiErrorKind.Unreachable => $"The Dodo Payments API could not be reached for {operation}.",
        DodoApiErrorKind.UnreadableResponse => $"The Dodo Payments API answered {operation} with {(int?)statusCode}, but the answer could not be used.",
        _ => $"The Dodo Payments API answered {operation} with {(int?)statusCode} {errorCode}: {errorMessage}".TrimEnd(' ', ':'),
    };
}
