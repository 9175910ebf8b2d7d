using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// What every Dodo endpoint shares whatever it reads: its name in the logs, its logger (one category per feature) and
/// the log events of <see cref="DodoEndpoint{TRequest}"/>, the one pipeline the checkout, customer portal and plan change
/// endpoints run.
/// </summary>
/// <param name="name">How the logs name the endpoint, such as <c>checkout session</c> or <c>plan change preview</c>.</param>
/// <param name="logger">The feature's logger.</param>
internal abstract partial class DodoEndpoint(string name, ILogger logger)
{
    /// <summary>The logger category of the checkout endpoints.</summary>
    public const string CheckoutCategory = "DodoPayments.AspNetCore.Checkout";

    /// <summary>The logger category of the customer portal endpoint.</summary>
    public const string CustomerPortalCategory = "DodoPayments.AspNetCore.CustomerPortal";

    /// <summary>The logger category of the plan change endpoints.</summary>
    public const string PlanChangeCategory = "DodoPayments.AspNetCore.PlanChange";

    public string Name { get; } = name;

    private protected ILogger Logger { get; } = logger;

    /// <summary>A product id that goes to Dodo: checked after the hooks, whoever set it.</summary>
    /// <param name="Field">Its wire name, such as <c>product_cart[0].product_id</c>.</param>
    /// <param name="Id">The id; null or empty when absent.</param>
    /// <param name="RequiredMessage">The 400 message when it is absent; null when it may be.</param>
    internal sealed record ProductId(string Field, string? Id, string? RequiredMessage = null);

    /// <summary>A hook's refusal and the hook's type name, for the log.</summary>
    internal sealed record HookRefusal(ProblemDetails Problem, string Hook);

    /// <summary>
    /// The app's resolver of the customer or subscription an endpoint acts for: null answers 401 without reading the
    /// request, an id that cannot go into an API path answers 400 naming <paramref name="Field"/>.
    /// </summary>
    internal sealed record SubjectResolver(string Field, Func<HttpContext, ValueTask<string?>> Resolve, string UnauthorizedTitle, string UnauthorizedDetail);

    /// <summary>Runs <typeparamref name="THook"/>s from the request's scope in registration order; the first refusal wins.</summary>
    private protected static async ValueTask<HookRefusal?> RunHooksAsync<THook>(DodoEndpointContext call, Func<THook, ValueTask<ProblemDetails?>> run)
        where THook : notnull
    {
        foreach (var hook in call.Services.GetServices<THook>())
        {
            if (await run(hook).ConfigureAwait(false) is { } refusal)
            {
                return new HookRefusal(refusal, hook.GetType().Name);
            }
        }

        return null;
    }

    /// <summary>The events of every endpoint (200–209), under the feature's category; ids are stable, see CONTRIBUTING.md.</summary>
    private protected static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Dodo {Endpoint}: the request is invalid ({Fields}); answered 400")]
        public static partial void Invalid(ILogger logger, string endpoint, string fields);

        [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Dodo {Endpoint}: refused by {Hook} with {StatusCode}")]
        public static partial void HookRefused(ILogger logger, string endpoint, string hook, int statusCode);

        [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Dodo {Endpoint}: product {ProductId} is not in AllowedProductIds; answered 400")]
        public static partial void ProductNotAllowed(ILogger logger, string endpoint, string productId);

        [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Dodo {Endpoint}: product {ProductId} does not exist; answered 400")]
        public static partial void UnknownProduct(ILogger logger, string endpoint, string productId);

        [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Dodo {Endpoint}: Dodo answered without a link to send the browser to; answered {StatusCode}")]
        public static partial void NoLink(ILogger logger, string endpoint, int statusCode);

        [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Dodo {Endpoint}: the app's resolver found no {Field} for the request; answered 401")]
        public static partial void NotResolved(ILogger logger, string endpoint, string field);

        [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Dodo {Endpoint}: the app's resolver returned a {Field} that cannot go into an API path (empty, '.' or '..'); answered 400")]
        public static partial void UnsafeSubject(ILogger logger, string endpoint, string field);

        [LoggerMessage(EventId = 208, Level = LogLevel.Information, Message = "Dodo {Endpoint}: the body was refused with {StatusCode} (not JSON, or larger than MaxRequestBodySize)")]
        public static partial void BodyRefused(ILogger logger, string endpoint, int? statusCode);

        [LoggerMessage(EventId = 209, Level = LogLevel.Debug, Message = "Dodo {Endpoint}: answered {StatusCode}")]
        public static partial void Answered(ILogger logger, string endpoint, int? statusCode);
    }
}
