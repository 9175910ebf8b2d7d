using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Diagnostics;

/// <summary>
/// One Dodo API call being measured: its span (null when no tracer listens) and its start. The API client tells it the
/// status Dodo answered and the exception that ended the call; disposing it records the call.
/// </summary>
internal sealed class DodoApiCallScope(DodoInstrumentation instrumentation, string operation, Activity? activity, long started) : IDisposable
{
    private readonly Activity? _activity = activity;
    private int? _statusCode;
    private string? _errorType;

    /// <summary>Dodo answered with <paramref name="statusCode"/>; a status outside 2xx is the call's error type.</summary>
    public void Answered(HttpStatusCode statusCode)
    {
        _statusCode = (int)statusCode;
        _activity?.SetTag(DodoTelemetryValues.StatusCode, _statusCode);
        if (_statusCode is < 200 or > 299)
        {
            _errorType = _statusCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Records what ended the call, for an exception filter: always false, so the exception goes on as before.
    /// </summary>
    /// <param name="scope">The call's scope; null when nobody listens.</param>
    /// <param name="exception">What was thrown.</param>
    /// <param name="timedOut">The client's own timeout cancelled the call (not the caller).</param>
    public static bool Failed(DodoApiCallScope? scope, Exception exception, bool timedOut)
    {
        if (scope is not null)
        {
            scope._errorType = exception switch
            {
                DodoApiException { Kind: DodoApiErrorKind.ErrorResponse } => scope._errorType,
                DodoApiException or JsonException => "unreadable_response",
                OperationCanceledException => timedOut ? "timeout" : "canceled",
                HttpRequestException => "unreachable",
                _ => exception.GetType().FullName,
            } ?? "error";
            if (scope._activity is { } activity)
            {
                DodoInstrumentation.Failed(activity, exception);
            }
        }

        return false;
    }

    public void Dispose()
    {
        if (_activity is not null)
        {
            _activity.SetTag(DodoTelemetryValues.ErrorType, _errorType);
            if (_errorType is not null && _activity.Status == ActivityStatusCode.Unset)
            {
                _activity.SetStatus(ActivityStatusCode.Error, _errorType);
            }

            _activity.Dispose();
        }

        instrumentation.ApiCallEnded(operation, _statusCode, _errorType, started);
    }
}
