using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.CustomerPortal;

/// <summary>
/// <c>GET</c> of <c>MapDodoCustomerPortal</c>: asks Dodo for a portal session of the customer (from the query, or from
/// the app's resolver) and redirects to its link.
/// </summary>
internal sealed class CustomerPortalEndpoint(Func<HttpContext, ValueTask<string?>>? customerIdResolver, ILoggerFactory loggers)
    : DodoEndpoint<CustomerPortalEndpoint.Query>(
        "customer portal",
        loggers.CreateLogger(CustomerPortalCategory),
        customerIdResolver is null ? null : new SubjectResolver(CustomerIdParameter, customerIdResolver, "Sign in to manage billing.", "The customer portal is only available to a signed-in customer."))
{
    public const string CustomerIdParameter = "customer_id";
    public const string SendEmailParameter = "send_email";
    public const string ReturnUrlParameter = "return_url";

    private const string Operation = "POST /customers/{id}/customer-portal/session";

    /// <summary>The query: the customer from the resolver when there is one (the query's <c>customer_id</c> is then ignored).</summary>
    protected override ValueTask<(Query? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call)
    {
        var query = call.HttpContext.Request.Query;
        var request = new Query(
            call.Subject ?? (customerIdResolver is null ? SingleValue(query, CustomerIdParameter) : null),
            SingleValue(query, SendEmailParameter),
            SingleValue(query, ReturnUrlParameter));
        return ValueTask.FromResult<(Query?, IResult?)>((request, null));
    }

    /// <summary>The query's rules; the query type is internal, so no app registers a validator of it.</summary>
    protected override IValidator<Query> DefaultValidator => QueryValidator.Instance;

    protected override DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options) => new(options, "the app's resolver");

    protected override void CheckBrowserFields(Query request, DodoBrowserPolicy policy) => policy.ReturnUrl(ReturnUrlParameter, request.ReturnUrl);

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, Query request)
    {
        bool? sendEmail = request.SendEmail is null ? null : bool.Parse(request.SendEmail);
        var session = await call.Client.CreateCustomerPortalSessionAsync(request.CustomerId!, sendEmail, call.ReturnUrl(request.ReturnUrl), call.Aborted).ConfigureAwait(false);

        // The API client has checked the link; its parsed form goes into Location, with any control character escaped.
        // Only an app's own IDodoPaymentsApiClient can hand back a link that does not parse.
        if (!DodoUrls.TryParseAbsoluteHttpUrl(session.Link, out var link))
        {
            Log.NoLink(Logger, Name, StatusCodes.Status502BadGateway);
            throw new DodoApiException(DodoApiErrorKind.UnreadableResponse, Operation);
        }

        return TypedResults.Redirect(link.AbsoluteUri);
    }

    /// <summary>The parameter's value, null when absent; a repeated parameter comes back comma-joined, which no id, boolean or allowed URL host matches.</summary>
    private static string? SingleValue(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>What the portal reads from the query string.</summary>
    internal sealed record Query(string? CustomerId, string? SendEmail, string? ReturnUrl);

    private sealed class QueryValidator : AbstractValidator<Query>
    {
        public static readonly QueryValidator Instance = new();

        private QueryValidator()
        {
            DodoRules.Id(this, query => query.CustomerId, CustomerIdParameter);

            RuleFor(query => query.SendEmail)
                .Must(value => bool.TryParse(value, out _))
                .When(query => query.SendEmail is not null)
                .WithMessage("send_email must be true or false.")
                .OverridePropertyName(SendEmailParameter);
        }
    }
}
