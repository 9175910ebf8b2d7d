using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Api;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Http;

/// <summary>
/// The one path of every endpoint that calls Dodo for a browser (checkout, customer portal, plan change), in this
/// order: read the options once → the app's resolver (401, or 400 for an id that cannot go into a URL path) → read the
/// request (400, 413, 415) → the replaceable validator, resolved from the request's scope, and the
/// <see cref="DodoBrowserPolicy"/> (one 400 naming every field) → the endpoint's defaults → the app's hooks (their
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

    /// <summary>The validator of what the browser sent; an app may register its own, with any lifetime.</summary>
    protected virtual IValidator<TRequest> Validator(IServiceProvider services) => services.GetRequiredService<IValidator<TRequest>>();

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
        var validation = await Validator(call.Services).ValidateAsync(request, call.Aborted).ConfigureAwait(false);
        if (Invalid([.. policy.Failures, .. validation.Errors]) is { } invalid)
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
