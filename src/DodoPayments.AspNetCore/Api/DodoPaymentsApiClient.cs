using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.PlanChange;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The <see cref="IDodoPaymentsApiClient"/> over <see cref="IHttpClientFactory"/>.</summary>
internal sealed partial class DodoPaymentsApiClient(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<DodoPaymentsOptions> options,
    ILogger<DodoPaymentsApiClient> logger) : IDodoPaymentsApiClient
{
    /// <summary>The <c>User-Agent</c> product: the package and its version.</summary>
    internal static readonly ProductInfoHeaderValue UserAgent = new(
        "DodoPayments.AspNetCore",
        (typeof(DodoPaymentsApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
            .Split('+')[0]);

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        return SendAsync(HttpMethod.Get, $"products/{Uri.EscapeDataString(productId)}", "GET /products/{id}", content: null, DodoApiJsonContext.Default.Product, cancellationToken);
    }

    public Task<CreatePaymentResponse> CreatePaymentAsync(CreatePaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, "payments", "POST /payments", Json(request, DodoApiJsonContext.Default.CreatePaymentRequest), DodoApiJsonContext.Default.CreatePaymentResponse, cancellationToken);
    }

    public Task<CreateSubscriptionResponse> CreateSubscriptionAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, "subscriptions", "POST /subscriptions", Json(request, DodoApiJsonContext.Default.CreateSubscriptionRequest), DodoApiJsonContext.Default.CreateSubscriptionResponse, cancellationToken);
    }

    public Task<CheckoutSessionResponse> CreateCheckoutSessionAsync(CheckoutSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, "checkouts", "POST /checkouts", Json(request, DodoApiJsonContext.Default.CheckoutSessionRequest), DodoApiJsonContext.Default.CheckoutSessionResponse, cancellationToken);
    }

    public Task<CustomerPortalSession> CreateCustomerPortalSessionAsync(string customerId, bool? sendEmail = null, string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var query = new List<string>(2);
        if (sendEmail is { } send)
        {
            query.Add(send ? "send_email=true" : "send_email=false");
        }

        if (!string.IsNullOrEmpty(returnUrl))
        {
            query.Add($"return_url={Uri.EscapeDataString(returnUrl)}");
        }

        var path = $"customers/{Uri.EscapeDataString(customerId)}/customer-portal/session";
        if (query.Count > 0)
        {
            path += "?" + string.Join('&', query);
        }

        return SendAsync(HttpMethod.Post, path, "POST /customers/{id}/customer-portal/session", content: null, DodoApiJsonContext.Default.CustomerPortalSession, cancellationToken);
    }

    public Task<ChangePlanResult> ChangePlanAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(subscriptionId)}/change-plan", "POST /subscriptions/{id}/change-plan", Json(request, DodoApiJsonContext.Default.ChangePlanRequest), DodoApiJsonContext.Default.ChangePlanResult, cancellationToken);
    }

    public Task<PlanChangePreview> PreviewPlanChangeAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(subscriptionId)}/change-plan/preview", "POST /subscriptions/{id}/change-plan/preview", Json(request, DodoApiJsonContext.Default.ChangePlanRequest), DodoApiJsonContext.Default.PlanChangePreview, cancellationToken);
    }

    public Task CancelScheduledPlanChangeAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        return SendAsync<object>(HttpMethod.Delete, $"subscriptions/{Uri.EscapeDataString(subscriptionId)}/change-plan/scheduled", "DELETE /subscriptions/{id}/change-plan/scheduled", content: null, responseType: null, cancellationToken);
    }

    /// <summary>Serialized up front so the request has a <c>Content-Length</c> and can be logged or replayed by a handler.</summary>
    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>The one path every call takes: base address, bearer token, timeout, error translation.</summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string relativePath, string operation, HttpContent? content, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
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
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, timeout.Token).ConfigureAwait(false);
                Log.ErrorResponse(logger, operation, (int)response.StatusCode, error?.EffectiveCode);
                throw new DodoApiException(DodoApiErrorKind.ErrorResponse, operation, response.StatusCode, error?.EffectiveCode, error?.EffectiveMessage);
            }

            if (responseType is null)
            {
                return default!;
            }

            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using var bodyScope = body.ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(body, responseType, timeout.Token).ConfigureAwait(false)
                ?? throw new JsonException("The answer was JSON null.");
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
            throw new DodoApiException(DodoApiErrorKind.Unreachable, operation, innerException: exception);
        }
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
        [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Dodo Payments API answered {Operation} with {StatusCode} {ErrorCode}")]
        public static partial void ErrorResponse(ILogger logger, string operation, int statusCode, string? errorCode);

        [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Dodo Payments API did not answer {Operation} within {Timeout}")]
        public static partial void TimedOut(ILogger logger, string operation, TimeSpan timeout);

        [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Dodo Payments API could not be reached for {Operation} ({Reason})")]
        public static partial void Unreachable(ILogger logger, string operation, HttpRequestError reason);

        [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Dodo Payments API answered {Operation} with a body that is not the expected JSON")]
        public static partial void UnreadableAnswer(ILogger logger, string operation);
    }
}
