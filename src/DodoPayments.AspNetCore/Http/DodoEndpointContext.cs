using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Http;

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
