using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Diagnostics;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

/// <summary>
/// The one path of every endpoint that calls Dodo for a browser (checkout, customer portal, plan change), in this
/// order: read the options once → the app's resolver (401, or 400 for an id that cannot go into a URL path) → read the
/// request (400, 413, 415) → the <see cref="DodoBrowserPolicy"/> and the validator (the one registered, resolved from
/// the request's scope, else the endpoint's own), one 400 naming every field → the endpoint's defaults → the app's hooks (their
/// problem) → the products that go to Dodo, whoever set them: present, safe in a URL path, in the allowlist (400) → the
/// endpoint's own requirements (400) → Dodo, whose failure becomes the answer of
/// <see cref="DodoProblems.FromApiException"/>. A feature writes only what differs: how it reads, which fields the
/// browser may not send, its hooks, its products and its call.
/// </summary>
/// <typeparam name="TRequest">What the endpoint reads: a JSON body or the query string.</typeparam>
/// <param name="name">How the logs name the endpoint.</param>
/// <param name="logger">The feature's logger.</param>
/// <param name="subject">The app's resolver of the customer or subscription, or null.</param>
internal abstract class DodoEndpoint<TRequest>(string name, ILogger logger, DodoEndpoint.SubjectResolver? subject = null) : DodoEndpoint(name, logger)
    where TRequest : class
{
    /// <summary>The title of a hook's refusal that has none.</summary>
    protected virtual string RefusalTitle => "The request was refused.";

    /// <summary>Serves one request: the endpoint's <see cref="RequestDelegate"/>.</summary>
    public async Task HandleAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var answer = await RunAsync(httpContext).ConfigureAwait(false);
        httpContext.RequestServices.GetRequiredService<DodoInstrumentation>().EndpointAnswered(Name, answer);
        await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
    }

    /// <summary>Reads the request; a null request comes with the problem to answer.</summary>
    protected abstract ValueTask<(TRequest? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call);

    /// <summary>The fields of <paramref name="request"/> a browser may not decide, named to <paramref name="policy"/>.</summary>
    protected abstract void CheckBrowserFields(TRequest request, DodoBrowserPolicy policy);

    /// <summary>The policy, with who sets the refused fields on the server.</summary>
    protected abstract DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options);

    /// <summary>Calls Dodo with what the hooks left and turns its answer into the endpoint's.</summary>
    /// <exception cref="DodoApiException">The call failed; the pipeline answers it.</exception>
    protected abstract Task<IResult> CallDodoAsync(DodoEndpointContext call, TRequest request);

    /// <summary>
    /// The rules of the request when no <see cref="IValidator{T}"/> of it is registered; null when the browser-field
    /// policy and the product checks are all it needs. The package registers its validators of the public request
    /// types, so an app can replace them; an endpoint with a request type of its own keeps its rules here.
    /// </summary>
    protected virtual IValidator<TRequest>? DefaultValidator => null;

    /// <summary>The app's defaults, set before the hooks see the request.</summary>
    protected virtual void Prepare(DodoEndpointContext call, TRequest request)
    {
    }

    /// <summary>Runs the app's hooks; null when they let the request go on.</summary>
    protected virtual ValueTask<HookRefusal?> RunHooksAsync(DodoEndpointContext call, TRequest request) => ValueTask.FromResult<HookRefusal?>(null);

    /// <summary>The product ids that go to Dodo.</summary>
    protected virtual IEnumerable<ProductId> ProductIds(TRequest request) => [];

    /// <summary>The only product ids the endpoint accepts; empty accepts every product.</summary>
    protected virtual IList<string> AllowedProductIds(DodoPaymentsOptions options) => [];

    /// <summary>The 400 message for a product not in <see cref="AllowedProductIds"/>.</summary>
    protected virtual string NotAllowedMessage(string productId) => $"Product '{productId}' cannot be bought here.";

    /// <summary>What Dodo requires of the request as the hooks left it, beyond its products.</summary>
    protected virtual IEnumerable<ValidationFailure> Requirements(TRequest request) => [];

    /// <summary>Reads a JSON body within <see cref="DodoPaymentsOptions.MaxRequestBodySize"/>; see <see cref="DodoJsonBody.ReadAsync"/>.</summary>
    protected static async ValueTask<(TRequest? Request, IResult? Problem)> ReadJsonAsync(DodoEndpointContext call, JsonTypeInfo<TRequest> typeInfo, bool requireJsonContentType = false)
    {
        var (request, invalid, refused) = await DodoJsonBody.ReadAsync(call.HttpContext.Request, typeInfo, call.Options.MaxRequestBodySize, requireJsonContentType).ConfigureAwait(false);
        return (request, (IResult?)invalid ?? refused);
    }

    /// <summary>A 400 naming <paramref name="field"/>, logged as an invalid request.</summary>
    protected ValidationProblem Invalid(string field, string message) => Invalid([new ValidationFailure(field, message)])!;

    private async Task<IResult> RunAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptionsMonitor<DodoPaymentsOptions>>().CurrentValue;
        string? subjectId = null;
        if (subject is not null)
        {
            subjectId = await subject.Resolve(httpContext).ConfigureAwait(false);
            if (subjectId is null)
            {
                Log.NotResolved(Logger, Name, subject.Field);
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: subject.UnauthorizedTitle, detail: subject.UnauthorizedDetail);
            }

            if (!DodoUrls.IsSafeId(subjectId))
            {
                Log.UnsafeSubject(Logger, Name, subject.Field);
                return DodoProblems.Invalid(subject.Field, DodoUrls.UnsafeIdMessage(subject.Field));
            }
        }

        var call = new DodoEndpointContext(httpContext, options, subjectId);
        var (request, unreadable) = await ReadAsync(call).ConfigureAwait(false);
        if (request is null)
        {
            if (unreadable is ValidationProblem invalidBody)
            {
                LogInvalid(invalidBody.ProblemDetails.Errors.Keys);
            }
            else
            {
                Log.BodyRefused(Logger, Name, (unreadable as IStatusCodeHttpResult)?.StatusCode);
            }

            return unreadable!;
        }

        // What the browser sent: what it may not decide, then the app's (or the package's) validator; one 400 for both.
        var policy = BrowserPolicy(options);
        CheckBrowserFields(request, policy);
        var validator = call.Services.GetService<IValidator<TRequest>>() ?? DefaultValidator;
        var validation = validator is null ? [] : (await validator.ValidateAsync(request, call.Aborted).ConfigureAwait(false)).Errors;
        if (Invalid([.. policy.Failures, .. validation]) is { } invalid)
        {
            return invalid;
        }

        Prepare(call, request);
        if (await RunHooksAsync(call, request).ConfigureAwait(false) is { } refusal)
        {
            var refused = DodoProblems.FromHook(refusal.Problem, RefusalTitle);
            Log.HookRefused(Logger, Name, refusal.Hook, refused.StatusCode);
            return refused;
        }

        // What goes to Dodo, whoever set it (the browser or a hook): here, after the hooks, so none can lift it.
        if (Invalid([.. CheckProducts(request, AllowedProductIds(options)), .. Requirements(request)]) is { } incomplete)
        {
            return incomplete;
        }

        try
        {
            var answer = await CallDodoAsync(call, request).ConfigureAwait(false);
            Log.Answered(Logger, Name, (answer as IStatusCodeHttpResult)?.StatusCode);
            return answer;
        }
        catch (DodoApiException exception)
        {
            // Logged once, where it happened: by the API client (events 100–104).
            return DodoProblems.FromApiException(exception, httpContext);
        }
    }

    private IEnumerable<ValidationFailure> CheckProducts(TRequest request, IList<string> allowed)
    {
        foreach (var (field, id, requiredMessage) in ProductIds(request))
        {
            if (DodoUrls.IdProblem(field, id, requiredMessage) is { } problem)
            {
                yield return new ValidationFailure(field, problem);
            }
            else if (!string.IsNullOrEmpty(id) && allowed.Count > 0 && !allowed.Contains(id, StringComparer.Ordinal))
            {
                Log.ProductNotAllowed(Logger, Name, id);
                yield return new ValidationFailure(field, NotAllowedMessage(id));
            }
        }
    }

    private ValidationProblem? Invalid(List<ValidationFailure> failures)
    {
        if (failures.Count == 0)
        {
            return null;
        }

        LogInvalid(failures.Select(failure => failure.PropertyName));
        return DodoProblems.Invalid(new ValidationResult(failures));
    }

    private void LogInvalid(IEnumerable<string> fields)
    {
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            Log.Invalid(Logger, Name, string.Join(", ", fields.Distinct(StringComparer.Ordinal)));
        }
    }
}

/// <summary>
/// One request to a Dodo endpoint, as every step of <see cref="DodoEndpoint{TRequest}"/> sees it: the options read once
/// when the request started (so a reload halfway through cannot mix two configurations), the id the app's resolver
/// found, and the services of the request's scope.
/// </summary>
internal sealed class DodoEndpointContext(HttpContext httpContext, DodoPaymentsOptions options, string? subject)
{
    private IDodoPaymentsApiClient? _client;

    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The options of this request, read once through <c>IOptionsMonitor.CurrentValue</c>.</summary>
    public DodoPaymentsOptions Options { get; } = options;

    /// <summary>The customer or subscription id the app's resolver found; null for endpoints without a resolver.</summary>
    public string? Subject { get; } = subject;

    public IServiceProvider Services => HttpContext.RequestServices;

    public CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>From the request's scope, so an app may register its own client with any lifetime.</summary>
    public IDodoPaymentsApiClient Client => _client ??= Services.GetRequiredService<IDodoPaymentsApiClient>();

    /// <summary>
    /// Where the customer goes back to: the URL the request (or the app's hook) set, else
    /// <see cref="DodoPaymentsOptions.ReturnUrl"/>. The one place the fallback is written; whether a browser may choose
    /// the URL at all is <see cref="DodoBrowserPolicy.ReturnUrl"/>'s business.
    /// </summary>
    public string? ReturnUrl(string? requested) => string.IsNullOrEmpty(requested) ? Options.ReturnUrl : requested;
}
