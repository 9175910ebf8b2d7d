using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Diagnostics;
using DodoPayments.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The <see cref="IDodoPaymentsApiClient"/> over <see cref="IHttpClientFactory"/>.</summary>
internal sealed partial class DodoPaymentsApiClient(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<DodoPaymentsOptions> options,
    DodoInstrumentation instrumentation,
    ILogger<DodoPaymentsApiClient> logger) : IDodoPaymentsApiClient
{
    /// <summary>The <c>User-Agent</c> product: the package and its version.</summary>
    internal static readonly ProductInfoHeaderValue UserAgent = new(
        "DodoPayments.AspNetCore",
        (typeof(DodoPaymentsApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0]);

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"products/{PathId(productId)}", "GET /products/{id}", content: null, DodoApiJsonContext.Default.Product, cancellationToken);

    public Task<CreatePaymentResponse> CreatePaymentAsync(CreatePaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            HttpMethod.Post, "payments", "POST /payments", Json(request, DodoApiJsonContext.Default.CreatePaymentRequest), DodoApiJsonContext.Default.CreatePaymentResponse, cancellationToken,
            unusableLink: static payment => IsUsableOptionalLink(payment.PaymentLink) ? null : "payment_link");
    }

    public Task<CreateSubscriptionResponse> CreateSubscriptionAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(
            HttpMethod.Post, "subscriptions", "POST /subscriptions", Json(request, DodoApiJsonContext.Default.CreateSubscriptionRequest), DodoApiJsonContext.Default.CreateSubscriptionResponse, cancellationToken,
            unusableLink: static subscription => IsUsableOptionalLink(subscription.PaymentLink) ? null : "payment_link");
    }

    public Task<CheckoutSessionResponse> CreateCheckoutSessionAsync(CreateCheckoutSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // checkout_url is legitimately null for a confirm-mode session; the endpoint decides what that means.
        return SendAsync(
            HttpMethod.Post, "checkouts", "POST /checkouts", Json(request, DodoApiJsonContext.Default.CreateCheckoutSessionRequest), DodoApiJsonContext.Default.CheckoutSessionResponse, cancellationToken,
            unusableLink: static session => IsUsableOptionalLink(session.CheckoutUrl) ? null : "checkout_url");
    }

    public Task<CustomerPortalSession> CreateCustomerPortalSessionAsync(string customerId, bool? sendEmail = null, string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        var path = $"customers/{PathId(customerId)}/customer-portal/session";
        var query = new List<string>(2);
        if (sendEmail is { } send)
        {
            query.Add(send ? "send_email=true" : "send_email=false");
        }

        if (!string.IsNullOrEmpty(returnUrl))
        {
            query.Add($"return_url={Uri.EscapeDataString(returnUrl)}");
        }

        if (query.Count > 0)
        {
            path += "?" + string.Join('&', query);
        }

        // The portal link is where the endpoint redirects the browser: it must be there, and be http(s).
        return SendAsync(
            HttpMethod.Post, path, "POST /customers/{id}/customer-portal/session", content: null, DodoApiJsonContext.Default.CustomerPortalSession, cancellationToken,
            unusableLink: static session => DodoUrls.IsAbsoluteHttpUrl(session.Link) ? null : "link");
    }

    public async Task<ChangePlanResult> ChangePlanAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default)
    {
        const string Operation = "POST /subscriptions/{id}/change-plan";
        var path = $"subscriptions/{PathId(subscriptionId)}/change-plan";
        ArgumentNullException.ThrowIfNull(request);

        // Dodo may answer 200 with no body at all: the change went through, with nothing more to say.
        var result = await SendAsync(
            HttpMethod.Post, path, Operation, Json(request, DodoApiJsonContext.Default.ChangePlanRequest), DodoApiJsonContext.Default.ChangePlanResult, cancellationToken,
            whenEmpty: static () => new ChangePlanResult()).ConfigureAwait(false);

        // The plan has changed, so failing the call now would invite a second, charged attempt: an unusable link is left out instead.
        if (!IsUsableOptionalLink(result.PaymentLink))
        {
            Log.UnusableLinkLeftOut(logger, Operation, "payment_link");
            result.PaymentLink = null;
        }

        return result;
    }

    public Task<PlanChangePreview> PreviewPlanChangeAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default)
    {
        var path = $"subscriptions/{PathId(subscriptionId)}/change-plan/preview";
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, path, "POST /subscriptions/{id}/change-plan/preview", Json(request, DodoApiJsonContext.Default.ChangePlanRequest), DodoApiJsonContext.Default.PlanChangePreview, cancellationToken);
    }

    public Task CancelScheduledPlanChangeAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, $"subscriptions/{PathId(subscriptionId)}/change-plan/scheduled", "DELETE /subscriptions/{id}/change-plan/scheduled", content: null, responseType: null, cancellationToken);

    /// <summary>
    /// An id as a path segment, escaped. Empty, blank, <c>.</c> and <c>..</c> are refused: escaped or not, a URL reads the
    /// dots as a path step, so <c>subscriptions/../change-plan</c> would be another resource.
    /// </summary>
    private static string PathId(string id, [CallerArgumentExpression(nameof(id))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        if (!DodoUrls.IsSafeId(id))
        {
            throw new ArgumentException(DodoUrls.UnsafeIdMessage(parameterName ?? nameof(id)), parameterName);
        }

        return Uri.EscapeDataString(id);
    }

    /// <summary>A link Dodo may leave out (null or empty), but that must be absolute http(s) when it sends one.</summary>
    private static bool IsUsableOptionalLink(string? link) => string.IsNullOrEmpty(link) || DodoUrls.IsAbsoluteHttpUrl(link);

    /// <summary>Serialized up front so the request has a <c>Content-Length</c> and can be logged or replayed by a handler.</summary>
    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>
    /// The one path every call takes: base address, bearer token, timeout, error translation, and the checks on what
    /// Dodo answered. <paramref name="whenEmpty"/> is the result of a 2xx answer without a body (or with JSON <c>null</c>)
    /// where Dodo's result is optional; without it such an answer is unreadable. <paramref name="unusableLink"/> names
    /// the link of the result that a browser would be sent to and that is not fit for it, or returns null.
    /// </summary>
    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string relativePath,
        string operation,
        HttpContent? content,
        JsonTypeInfo<T>? responseType,
        CancellationToken cancellationToken,
        Func<T>? whenEmpty = null,
        Func<T, string?>? unusableLink = null)
    {
        var current = options.CurrentValue;
        using var request = new HttpRequestMessage(method, new Uri(DodoPaymentsHosts.ApiBase(current), relativePath)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(current.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(current.ApiTimeout);
        var client = httpClientFactory.CreateClient(DodoPaymentsOptions.HttpClientName);
        using var telemetry = instrumentation.StartApiCall(operation);
        HttpStatusCode? status = null;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            telemetry?.Answered(response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, timeout.Token).ConfigureAwait(false);
                Log.ErrorResponse(logger, operation, (int)response.StatusCode, error?.EffectiveCode, error?.EffectiveMessage);
                throw new DodoApiException(DodoApiErrorKind.ErrorResponse, operation, response.StatusCode, error?.EffectiveCode, error?.EffectiveMessage);
            }

            if (responseType is null)
            {
                return default!;
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (whenEmpty is not null && IsEmptyOrNull(body))
            {
                return whenEmpty();
            }

            var result = JsonSerializer.Deserialize(body, responseType) ?? throw new JsonException("The answer was JSON null.");
            if (unusableLink?.Invoke(result) is { } field)
            {
                // The value is not logged: it is Dodo's answer, and could be anything.
                Log.UnusableLink(logger, operation, field);
                throw new DodoApiException(DodoApiErrorKind.UnreadableResponse, operation, status);
            }

            return result;
        }
        catch (Exception exception) when (DodoApiCallScope.Failed(telemetry, exception, timedOut: timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            throw; // never reached: the filter only records what ended the call
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(logger, operation, current.ApiTimeout);
            throw new DodoApiException(DodoApiErrorKind.Timeout, operation, innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            Log.Unreachable(logger, operation, exception.HttpRequestError);
            throw new DodoApiException(DodoApiErrorKind.Unreachable, operation, innerException: exception);
        }
        catch (JsonException exception)
        {
            Log.UnreadableAnswer(logger, operation);
            throw new DodoApiException(DodoApiErrorKind.UnreadableResponse, operation, status, innerException: exception);
        }
    }

    /// <summary>No body, only whitespace, or JSON <c>null</c>.</summary>
    private static bool IsEmptyOrNull(ReadOnlySpan<byte> body)
    {
        var trimmed = body.Trim(" \t\r\n"u8);
        return trimmed.IsEmpty || trimmed.SequenceEqual("null"u8);
    }

    /// <summary>Dodo's <c>{code, message}</c>, or null when the answer has another shape (a proxy's HTML page, say).</summary>
    private static async Task<DodoApiErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var bodyScope = body.ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(body, DodoApiJsonContext.Default.DodoApiErrorBody, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Dodo Payments API answered {Operation} with {StatusCode} {ErrorCode}: {ErrorMessage}")]
        public static partial void ErrorResponse(ILogger logger, string operation, int statusCode, string? errorCode, string? errorMessage);

        [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Dodo Payments API did not answer {Operation} within {Timeout}")]
        public static partial void TimedOut(ILogger logger, string operation, TimeSpan timeout);

        [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Dodo Payments API could not be reached for {Operation} ({Reason})")]
        public static partial void Unreachable(ILogger logger, string operation, HttpRequestError reason);

        [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Dodo Payments API answered {Operation} with a body that is not the expected JSON")]
        public static partial void UnreadableAnswer(ILogger logger, string operation);

        [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Dodo Payments API answered {Operation} with a {Field} that is not an absolute http(s) URL; it is not passed on")]
        public static partial void UnusableLink(ILogger logger, string operation, string field);

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Dodo Payments API answered {Operation} with a {Field} that is not an absolute http(s) URL; the call succeeded, so the answer is kept without it")]
        public static partial void UnusableLinkLeftOut(ILogger logger, string operation, string field);
    }
}
