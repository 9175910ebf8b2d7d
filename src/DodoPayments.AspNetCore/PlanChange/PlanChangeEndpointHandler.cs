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
/// validated, the allowed products enforced, the defaults filled in, then one call to Dodo whose answer goes back as JSON.
/// </summary>
internal sealed partial class PlanChangeEndpointHandler(
    IOptionsMonitor<DodoPaymentsOptions> options,
    ILogger<PlanChangeEndpointHandler> logger)
{
    /// <summary><c>POST {pattern}/preview</c>: what the change would charge.</summary>
    public static readonly PlanChangeOperation<PlanChangePreview> Preview = new(
        "preview",
        static (client, subscriptionId, request, cancellationToken) => client.PreviewPlanChangeAsync(subscriptionId, request, cancellationToken),
        DodoApiJsonContext.Default.PlanChangePreview);

    /// <summary><c>POST {pattern}</c>: the change itself.</summary>
    public static readonly PlanChangeOperation<ChangePlanResult> Change = new(
        "change",
        static (client, subscriptionId, request, cancellationToken) => client.ChangePlanAsync(subscriptionId, request, cancellationToken),
        DodoApiJsonContext.Default.ChangePlanResult);

    public async Task<Results<JsonHttpResult<TResult>, ValidationProblem, ProblemHttpResult>> HandleAsync<TResult>(
        HttpContext context,
        Func<HttpContext, ValueTask<string?>> subscriptionIdResolver,
        PlanChangeOperation<TResult> operation)
    {
        var subscriptionId = await subscriptionIdResolver(context).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(subscriptionId))
        {
            Log.SubscriptionNotResolved(logger, operation.Name);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign in to change your plan.",
                detail: "Plan changes are only available to a signed-in customer with a subscription.");
        }

        var (request, bodyProblem, refused) = await DodoJsonBody.ReadAsync(context.Request, DodoApiJsonContext.Default.ChangePlanRequest, options.CurrentValue.MaxRequestBodySize, requireJsonContentType: true).ConfigureAwait(false);
        if (bodyProblem is not null)
        {
            Log.UnreadableBody(logger, operation.Name);
            return bodyProblem;
        }

        if (refused is not null)
        {
            Log.UnreadableBody(logger, operation.Name);
            return refused;
        }

        var validator = context.RequestServices.GetRequiredService<IValidator<ChangePlanRequest>>();
        var validation = await validator.ValidateAsync(request!, context.RequestAborted).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            Log.InvalidBody(logger, operation.Name, validation.Errors.Count);
            return DodoProblems.Invalid(validation);
        }

        // Enforced here rather than in the validator, so an app replacing the validator cannot lift it by accident.
        var planChange = options.CurrentValue.PlanChange;
        if (planChange.AllowedProductIds.Count > 0 && !planChange.AllowedProductIds.Contains(request!.ProductId!, StringComparer.Ordinal))
        {
            Log.ProductNotAllowed(logger, operation.Name, request.ProductId);
            return DodoProblems.Invalid("product_id", "product_id is not one of the plans a subscription can be changed to.");
        }

        request!.Quantity ??= 1;
        request.ProrationBillingMode ??= planChange.ProrationBillingMode;

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
            return DodoProblems.FromApiException(exception);
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
    }
}
