using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.CustomerPortal;

/// <summary>
/// The customer portal endpoint: finds the customer (from the query, or from the app's resolver), checks the query,
/// asks Dodo for a portal session and redirects to its link (which the API client has checked is absolute http(s)).
/// </summary>
internal sealed partial class CustomerPortalEndpointHandler(
    IOptionsMonitor<DodoPaymentsOptions> options,
    ILogger<CustomerPortalEndpointHandler> logger)
{
    public const string CustomerIdParameter = "customer_id";
    public const string SendEmailParameter = "send_email";
    public const string ReturnUrlParameter = "return_url";

    private const string Operation = "POST /customers/{id}/customer-portal/session";

    /// <summary>Serves one request.</summary>
    /// <param name="context">The request.</param>
    /// <param name="customerIdResolver">The app's resolver; null for the query form, which reads <c>customer_id</c>.</param>
    public async Task<Results<RedirectHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        Func<HttpContext, ValueTask<string?>>? customerIdResolver)
    {
        var query = context.Request.Query;
        var failures = new List<ValidationFailure>();
        string? customerId;
        if (customerIdResolver is null)
        {
            customerId = SingleValue(query, CustomerIdParameter);
            if (string.IsNullOrWhiteSpace(customerId))
            {
                failures.Add(new ValidationFailure(CustomerIdParameter, "customer_id is required."));
            }
            else if (!DodoUrls.IsSafeId(customerId))
            {
                failures.Add(new ValidationFailure(CustomerIdParameter, DodoUrls.UnsafeIdMessage(CustomerIdParameter)));
            }
        }
        else
        {
            customerId = await customerIdResolver(context).ConfigureAwait(false);
            if (customerId is null)
            {
                Log.CustomerNotResolved(logger);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Sign in to manage billing.",
                    detail: "The customer portal is only available to a signed-in customer.");
            }

            if (!DodoUrls.IsSafeId(customerId))
            {
                Log.UnsafeCustomerId(logger);
                return DodoProblems.Invalid(CustomerIdParameter, DodoUrls.UnsafeIdMessage(CustomerIdParameter));
            }
        }

        bool? sendEmail = null;
        if (SingleValue(query, SendEmailParameter) is { } sendEmailText)
        {
            if (bool.TryParse(sendEmailText, out var parsed))
            {
                sendEmail = parsed;
            }
            else
            {
                failures.Add(new ValidationFailure(SendEmailParameter, "send_email must be true or false."));
            }
        }

        var current = options.CurrentValue;
        var returnUrl = SingleValue(query, ReturnUrlParameter);
        if (returnUrl is null)
        {
            returnUrl = current.ReturnUrl;
        }
        else if (!DodoUrls.IsAllowedReturnUrl(returnUrl, current))
        {
            Log.ReturnUrlRefused(logger);
            failures.Add(new ValidationFailure(ReturnUrlParameter, DodoUrls.ReturnUrlRefusal(ReturnUrlParameter)));
        }

        if (failures.Count > 0)
        {
            return DodoProblems.Invalid(new ValidationResult(failures));
        }

        var client = context.RequestServices.GetRequiredService<IDodoPaymentsApiClient>();
        try
        {
            var session = await client.CreateCustomerPortalSessionAsync(customerId!, sendEmail, returnUrl, context.RequestAborted).ConfigureAwait(false);

            // The API client has checked the link; its parsed form goes into Location, with any control character escaped.
            // Only an app's own IDodoPaymentsApiClient can hand back a link that does not parse.
            if (!DodoUrls.TryParseAbsoluteHttpUrl(session.Link, out var link))
            {
                throw new DodoApiException(DodoApiErrorKind.UnreadableResponse, Operation);
            }

            Log.Redirecting(logger, sendEmail ?? false);
            return TypedResults.Redirect(link.AbsoluteUri);
        }
        catch (DodoApiException exception)
        {
            Log.SessionFailed(logger, exception.Kind, (int?)exception.StatusCode, exception.ErrorCode);
            return DodoProblems.FromApiException(exception, context);
        }
    }

    /// <summary>The parameter's value, null when absent; a repeated parameter comes back comma-joined, which no id, boolean or allowed URL host matches.</summary>
    private static string? SingleValue(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Customer portal: the customer id resolver found no customer for the request; answered 401")]
        public static partial void CustomerNotResolved(ILogger logger);

        [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Customer portal: refused a return_url that is not an absolute URL on an allowed host (AllowedReturnHosts, or the configured ReturnUrl's host)")]
        public static partial void ReturnUrlRefused(ILogger logger);

        [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Customer portal: no session could be created ({Kind}, status {StatusCode}, code {ErrorCode})")]
        public static partial void SessionFailed(ILogger logger, DodoApiErrorKind kind, int? statusCode, string? errorCode);

        [LoggerMessage(EventId = 406, Level = LogLevel.Warning, Message = "Customer portal: the customer id resolver returned an id that cannot go into an API path (empty, '.' or '..'); answered 400")]
        public static partial void UnsafeCustomerId(ILogger logger);

        [LoggerMessage(EventId = 405, Level = LogLevel.Debug, Message = "Customer portal: redirecting to the portal (send_email {SendEmail})")]
        public static partial void Redirecting(ILogger logger, bool sendEmail);
    }
}
