using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>The two plan change endpoints, preview and change, which differ only in their call to Dodo and its answer.</summary>
internal static class PlanChangeEndpoint
{
    /// <summary>The app sets what the browser may not in <c>DodoPayments:PlanChange</c> or its <see cref="IDodoPlanChangeHook"/>; unknown fields are never forwarded.</summary>
    public static DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options) =>
        new(options, nameof(IDodoPlanChangeHook), optionsSection: "DodoPayments:PlanChange");

    /// <summary>How the change is billed, the payment's metadata and every field the package does not model are the app's.</summary>
    public static void CheckBrowserFields(ChangePlanRequest request, DodoBrowserPolicy policy)
    {
        policy.ServerOnly("proration_billing_mode", request.ProrationBillingMode);
        policy.ServerOnly("on_payment_failure", request.OnPaymentFailure);
        policy.ServerOnly("metadata", request.Metadata);
        policy.Unmodelled(string.Empty, request.AdditionalProperties?.Keys);
    }

    /// <summary><c>POST {pattern}/preview</c>: what the change would charge; nothing changes.</summary>
    public static PlanChangeEndpoint<PlanChangePreview> Preview(Func<HttpContext, ValueTask<string?>> subscriptionIdResolver, ILoggerFactory loggers) => new(
        "plan change preview",
        isPreview: true,
        static (client, subscriptionId, request, cancellationToken) => client.PreviewPlanChangeAsync(subscriptionId, request, cancellationToken),
        DodoApiJsonContext.Default.PlanChangePreview,
        subscriptionIdResolver,
        loggers);

    /// <summary><c>POST {pattern}</c>: the change itself.</summary>
    public static PlanChangeEndpoint<ChangePlanResult> Change(Func<HttpContext, ValueTask<string?>> subscriptionIdResolver, ILoggerFactory loggers) => new(
        "plan change",
        isPreview: false,
        static (client, subscriptionId, request, cancellationToken) => client.ChangePlanAsync(subscriptionId, request, cancellationToken),
        DodoApiJsonContext.Default.ChangePlanResult,
        subscriptionIdResolver,
        loggers);
}

/// <summary>
/// <c>POST {pattern}/preview</c> and <c>POST {pattern}</c> of <c>MapDodoPlanChange</c>, one class for both: the
/// subscription from the app's resolver, a JSON body (only as <c>application/json</c>), the app's billing terms from
/// <see cref="DodoPlanChangeOptions"/> set before its hooks run, <see cref="DodoPlanChangeOptions.AllowedProductIds"/>
/// after them, then Dodo's answer as JSON. Only the call and the JSON of its answer differ.
/// </summary>
internal sealed partial class PlanChangeEndpoint<TResult> : DodoEndpoint<ChangePlanRequest>
{
    private readonly bool _isPreview;
    private readonly Func<IDodoPaymentsApiClient, string, ChangePlanRequest, CancellationToken, Task<TResult>> _callAsync;
    private readonly JsonTypeInfo<TResult> _resultTypeInfo;

    internal PlanChangeEndpoint(
        string name,
        bool isPreview,
        Func<IDodoPaymentsApiClient, string, ChangePlanRequest, CancellationToken, Task<TResult>> callAsync,
        JsonTypeInfo<TResult> resultTypeInfo,
        Func<HttpContext, ValueTask<string?>> subscriptionIdResolver,
        ILoggerFactory loggers)
        : base(name, loggers.CreateLogger(PlanChangeCategory), new SubjectResolver(
            "subscription_id",
            subscriptionIdResolver,
            "Sign in to change your plan.",
            "Plan changes are only available to a signed-in customer with a subscription."))
    {
        _isPreview = isPreview;
        _callAsync = callAsync;
        _resultTypeInfo = resultTypeInfo;
    }

    protected override string RefusalTitle => "The plan change was refused.";

    /// <summary>Only <c>application/json</c>: the endpoint acts for a signed-in user, so a cross-site form must not drive it.</summary>
    protected override ValueTask<(ChangePlanRequest? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call) =>
        ReadJsonAsync(call, DodoApiJsonContext.Default.ChangePlanRequest, requireJsonContentType: true);

    protected override DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options) => PlanChangeEndpoint.BrowserPolicy(options);

    protected override void CheckBrowserFields(ChangePlanRequest request, DodoBrowserPolicy policy) => PlanChangeEndpoint.CheckBrowserFields(request, policy);

    /// <summary>The app's billing terms, which its hooks may overwrite.</summary>
    protected override void Prepare(DodoEndpointContext call, ChangePlanRequest request)
    {
        request.Quantity ??= 1;
        request.ProrationBillingMode = call.Options.PlanChange.ProrationBillingMode;
        request.OnPaymentFailure = call.Options.PlanChange.OnPaymentFailure;
    }

    protected override ValueTask<HookRefusal?> RunHooksAsync(DodoEndpointContext call, ChangePlanRequest request) =>
        RunHooksAsync<IDodoPlanChangeHook>(call, hook => hook.OnPlanChangeAsync(call.HttpContext, call.Subject!, request, _isPreview));

    protected override IEnumerable<ProductId> ProductIds(ChangePlanRequest request) => [new("product_id", request.ProductId, "product_id is required.")];

    protected override IList<string> AllowedProductIds(DodoPaymentsOptions options) => options.PlanChange.AllowedProductIds;

    protected override string NotAllowedMessage(string productId) => "product_id is not one of the plans a subscription can be changed to.";

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, ChangePlanRequest request)
    {
        var result = await _callAsync(call.Client, call.Subject!, request, call.Aborted).ConfigureAwait(false);
        PlanChangeLog.Succeeded(Logger, Name, request.ProductId, request.ProrationBillingMode, request.EffectiveAt ?? "immediately");
        return TypedResults.Json(result, _resultTypeInfo);
    }

    /// <summary>The plan change's own event, besides the endpoints' 200–209: a change is a billing event worth keeping.</summary>
    private static partial class PlanChangeLog
    {
        [LoggerMessage(EventId = 425, Level = LogLevel.Information, Message = "Dodo {Endpoint} to product {ProductId} done ({ProrationBillingMode}, effective {EffectiveAt})")]
        public static partial void Succeeded(ILogger logger, string endpoint, string? productId, string? prorationBillingMode, string effectiveAt);
    }
}
