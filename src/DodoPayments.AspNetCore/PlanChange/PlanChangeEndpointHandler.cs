using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>
/// The plan change endpoints, preview and change alike: the subscription from the app's resolver, the body read and
/// validated (including the fields a browser may not send), the app's defaults and hooks, the allowed products
/// enforced, then one call to Dodo whose answer goes back as JSON.
/// </summary>
internal sealed partial class PlanChangeEndpointHandler(
    IOptionsMonitor<DodoPaymentsOptions> options,
    ILogger<PlanChangeEndpointHandler> logger)
{
    /// <summary>The error key of a subscription id the resolver returned that cannot go into an API path.</summary>
    public const string SubscriptionIdField = "subscription_id";

    /// <summary><c>POST {pattern}/preview</c>: what the change would charge.</summary>
    public static readonly PlanChangeOperation<PlanChangePreview> Preview = new(
        "preview",
        IsPreview: true,
        static (client, subscriptionId, request, cancellationToken) => client.PreviewPlanChangeAsync(subscriptionId, request, cancellationToken),
        DodoApiJsonContext.Default.PlanChangePreview);

    /// <summary><c>POST {pattern}</c>: the change itself.</summary>
    public static readonly PlanChangeOperation<ChangePlanResult> Change = new(
        "change",
        IsPreview: false,
        static (client, subscriptionId, request, cancellationToken) => client.ChangePlanAsync(subscriptionId, request, cancellationToken),
        DodoApiJsonContext.Default.ChangePlanResult);

    public async Task<Results<JsonHttpResult<TResult>, ValidationProblem, ProblemHttpResult>> HandleAsync<TResult>(
        HttpContext context,
        Func<HttpContext, ValueTask<string?>> subscriptionIdResolver,
        PlanChangeOperation<TResult> operation)
    {
        var subscriptionId = await subscriptionIdResolver(context).ConfigureAwait(false);
        if (subscriptionId is null)
        {
            Log.SubscriptionNotResolved(logger, operation.Name);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign in to change your plan.",
                detail: "Plan changes are only available to a signed-in customer with a subscription.");
        }

        if (!DodoUrls.IsSafeId(subscriptionId))
        {
            Log.UnsafeSubscriptionId(logger, operation.Name);
            return DodoProblems.Invalid(SubscriptionIdField, DodoUrls.UnsafeIdMessage(SubscriptionIdField));
        }

        var current = options.CurrentValue;
        var (request, bodyProblem, refused) = await DodoJsonBody.ReadAsync(context.Request, DodoApiJsonContext.Default.ChangePlanRequest, current.MaxRequestBodySize, requireJsonContentType: true).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            Log.UnreadableBody(logger, operation.Name);
            return bodyProblem;
        }

        if (refused is not null)
        {
            Log.BodyRefused(logger, operation.Name, refused.StatusCode);
            return refused;
        }

        var validator = context.RequestServices.GetRequiredService<IValidator<ChangePlanRequest>>();
        var validation = await validator.ValidateAsync(request!, context.RequestAborted).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            Log.InvalidBody(logger, operation.Name, validation.Errors.Count);
            return DodoProblems.Invalid(validation);
        }

        // The app's billing terms, which its hooks may overwrite; the browser could not send them.
        var planChange = current.PlanChange;
        request!.Quantity ??= 1;
        request.ProrationBillingMode = planChange.ProrationBillingMode;
        request.OnPaymentFailure = planChange.OnPaymentFailure;

        foreach (var hook in context.RequestServices.GetServices<IDodoPlanChangeHook>())
        {
            if (await hook.OnPlanChangeAsync(context, subscriptionId, request, operation.IsPreview).ConfigureAwait(false) is { } refusal)
            {
                var result = DodoProblems.FromHook(refusal, "The plan change was refused.");
                Log.HookRefused(logger, operation.Name, hook.GetType().Name, result.StatusCode);
                return result;
            }
        }

        // Enforced here, after the hooks and outside the validator, so neither a hook nor a replaced validator can lift it.
        if (planChange.AllowedProductIds.Count > 0 && !planChange.AllowedProductIds.Contains(request.ProductId ?? string.Empty, StringComparer.Ordinal))
        {
            Log.ProductNotAllowed(logger, operation.Name, request.ProductId);
            return DodoProblems.Invalid("product_id", "product_id is not one of the plans a subscription can be changed to.");
        }

        var client = context.RequestServices.GetRequiredService<IDodoPaymentsApiClient>();
        try
        {
            var result = await operation.CallAsync(client, subscriptionId, request, context.RequestAborted).ConfigureAwait(false);
            Log.Succeeded(logger, operation.Name, request.ProductId, request.ProrationBillingMode, request.EffectiveAt ?? "immediately");
            return TypedResults.Json(result, operation.ResultTypeInfo);
        }
        catch (DodoApiException exception)
        {
            Log.Failed(logger, operation.Name, exception.Kind, (int?)exception.StatusCode, exception.ErrorCode);
            return DodoProblems.FromApiException(exception, context);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Plan change ({Operation}): the subscription id resolver found no subscription for the request; answered 401")]
        public static partial void SubscriptionNotResolved(ILogger logger, string operation);

        [LoggerMessage(EventId = 421, Level = LogLevel.Information, Message = "Plan change ({Operation}): the body is not a readable JSON plan change; answered 400")]
        public static partial void UnreadableBody(ILogger logger, string operation);

        [LoggerMessage(EventId = 422, Level = LogLevel.Information, Message = "Plan change ({Operation}): the body failed {ErrorCount} validation rule(s); answered 400")]
        public static partial void InvalidBody(ILogger logger, string operation, int errorCount);

        [LoggerMessage(EventId = 423, Level = LogLevel.Warning, Message = "Plan change ({Operation}): product {ProductId} is not in PlanChange:AllowedProductIds; answered 400")]
        public static partial void ProductNotAllowed(ILogger logger, string operation, string? productId);

        [LoggerMessage(EventId = 424, Level = LogLevel.Warning, Message = "Plan change ({Operation}) failed ({Kind}, status {StatusCode}, code {ErrorCode})")]
        public static partial void Failed(ILogger logger, string operation, DodoApiErrorKind kind, int? statusCode, string? errorCode);

        [LoggerMessage(EventId = 425, Level = LogLevel.Information, Message = "Plan change ({Operation}) to product {ProductId} done ({ProrationBillingMode}, effective {EffectiveAt})")]
        public static partial void Succeeded(ILogger logger, string operation, string? productId, string? prorationBillingMode, string effectiveAt);

        [LoggerMessage(EventId = 426, Level = LogLevel.Warning, Message = "Plan change ({Operation}): the subscription id resolver returned an id that cannot go into an API path (empty, '.' or '..'); answered 400")]
        public static partial void UnsafeSubscriptionId(ILogger logger, string operation);

        [LoggerMessage(EventId = 427, Level = LogLevel.Information, Message = "Plan change ({Operation}): the body was refused with {StatusCode} (not application/json, or larger than MaxRequestBodySize)")]
        public static partial void BodyRefused(ILogger logger, string operation, int? statusCode);

        [LoggerMessage(EventId = 428, Level = LogLevel.Information, Message = "Plan change ({Operation}) refused by {Hook} with {StatusCode}")]
        public static partial void HookRefused(ILogger logger, string operation, string hook, int statusCode);
    }
}
