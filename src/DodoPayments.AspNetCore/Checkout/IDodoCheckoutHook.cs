using DodoPayments.AspNetCore.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>
/// The app's say in every checkout, run after the request is validated and before it goes to Dodo. Register one (or
/// more; they run in registration order) in DI, or with <c>AddDodoPayments().AddCheckoutHook&lt;T&gt;()</c>; it is
/// resolved from the request's scope, so it can use the app's scoped services.
/// </summary>
/// <remarks>
/// <para>
/// By default the endpoints refuse (400, naming the field) what a browser must not decide: an existing customer
/// (<c>customer.customer_id</c>), a saved payment method, every price or billing term the package knows (the README's
/// "What the browser may send" lists them, such as <c>product_cart[].amount</c> and
/// <c>subscription_data.trial_period_days</c>), fields the package does not model (unless
/// <see cref="DodoCheckoutOptions.ForwardUnknownFields"/>), a <c>return_url</c> or <c>cancel_url</c> on a host that is
/// not allowed (<see cref="DodoPaymentsOptions.AllowedReturnHosts"/>), and product ids that are empty, <c>.</c> or
/// <c>..</c>. A hook may set any of them, from the signed-in user or the app's own prices, because it runs after that
/// check: what the request holds when the hooks return is sent as it is (fields the package does not model go in
/// <c>AdditionalProperties</c>). It may also overwrite any other field (metadata such as the app's own user id, the
/// cart), or refuse the request by returning a <see cref="ProblemDetails"/> (400 unless its
/// <see cref="ProblemDetails.Status"/> says otherwise, such as 401 or 403). Return null to let the request go on.
/// </para>
/// <para>
/// After the hooks, product ids must still be present and safe to put in a URL path, <see cref="DodoPaymentsOptions.Checkout"/>'s
/// <c>AllowedProductIds</c> is checked, and a dynamic checkout must have what Dodo requires of a payment link:
/// <c>billing</c> with its <c>country</c>, and a <c>customer</c> (so a hook may supply them). A <c>return_url</c> the
/// hooks leave empty becomes <see cref="DodoPaymentsOptions.ReturnUrl"/>.
/// </para>
/// <para>Every method has a default that lets the request go on, so a hook implements only the flows it cares about.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class SignedInCustomerHook(IUserStore users) : IDodoCheckoutHook
/// {
///     public async ValueTask&lt;ProblemDetails?&gt; OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
///     {
///         var user = await users.FindAsync(httpContext.User);
///         if (user is null)
///         {
///             return new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Sign in first." };
///         }
///
///         request.Customer = user.DodoCustomerId is { } id
///             ? new Customer { CustomerId = id }
///             : new Customer { Email = user.Email, Name = user.Name };
///         request.Metadata ??= new DodoMetadata();
///         request.Metadata["user_id"] = user.Id;
///         return null;
///     }
/// }
/// </code>
/// </example>
public interface IDodoCheckoutHook
{
    /// <summary>Runs for a static checkout (<c>GET</c>), before the product is looked up and the URL composed.</summary>
    /// <param name="httpContext">The request, with its user.</param>
    /// <param name="request">The query values; change them to change the URL.</param>
    /// <returns>Null to go on; a problem to refuse the request with.</returns>
    ValueTask<ProblemDetails?> OnStaticCheckoutAsync(HttpContext httpContext, StaticCheckoutRequest request) => ValueTask.FromResult<ProblemDetails?>(null);

    /// <summary>Runs for a checkout session (<c>POST</c>), before <c>POST /checkouts</c>.</summary>
    /// <param name="httpContext">The request, with its user.</param>
    /// <param name="request">The body; what it holds when the hook returns is sent to Dodo.</param>
    /// <returns>Null to go on; a problem to refuse the request with.</returns>
    ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request) => ValueTask.FromResult<ProblemDetails?>(null);

    /// <summary>Runs for a dynamic checkout (<c>POST</c>), before the product is looked up.</summary>
    /// <param name="httpContext">The request, with its user.</param>
    /// <param name="request">The body; what it holds when the hook returns is sent to Dodo.</param>
    /// <returns>Null to go on; a problem to refuse the request with.</returns>
    ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request) => ValueTask.FromResult<ProblemDetails?>(null);
}
