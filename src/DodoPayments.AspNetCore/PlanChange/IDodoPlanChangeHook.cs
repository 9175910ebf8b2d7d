using DodoPayments.AspNetCore.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>
/// The app's say in every plan change, preview and change alike, run after the browser's body is validated and before
/// it goes to Dodo. Register one (or more; they run in registration order, and the first refusal wins) in DI, or with
/// <c>AddDodoPayments().AddPlanChangeHook&lt;T&gt;()</c>; it is resolved from the request's scope, so it can use the
/// app's scoped services.
/// </summary>
/// <remarks>
/// <para>
/// How a change is billed is the app's decision, never the browser's: the endpoints refuse (400, naming the field) a
/// body carrying <c>proration_billing_mode</c>, <c>on_payment_failure</c>, <c>metadata</c>,
/// <c>adaptive_currency_fees_inclusive</c> or any field the package does not model. Before the hooks run, the request
/// holds <c>quantity</c> (1 when absent), <see cref="DodoPlanChangeOptions.ProrationBillingMode"/> and
/// <see cref="DodoPlanChangeOptions.OnPaymentFailure"/>. A hook may overwrite any of them, set <c>metadata</c> and
/// unmodelled fields (<see cref="ChangePlanRequest.AdditionalProperties"/>), or refuse the request by returning a
/// <see cref="ProblemDetails"/> (400 unless its <see cref="ProblemDetails.Status"/> says otherwise, such as 403). Return
/// null to let the request go on. <see cref="DodoPlanChangeOptions.AllowedProductIds"/> is checked after the hooks.
/// </para>
/// <para>The preview runs the same hooks as the change, so what the customer is shown is what they are charged.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class PlanChangePolicy(IAccounts accounts) : IDodoPlanChangeHook
/// {
///     public async ValueTask&lt;ProblemDetails?&gt; OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview)
///     {
///         var account = await accounts.FindAsync(httpContext.User);
///         if (account is null || account.IsLocked)
///         {
///             return new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Plan changes are not available for this account." };
///         }
///
///         // Downgrades wait for the next billing date and are not billed; upgrades are billed the difference now.
///         if (Plans.IsDowngrade(account.ProductId, request.ProductId))
///         {
///             request.EffectiveAt = "next_billing_date";
///             request.ProrationBillingMode = "do_not_bill";
///         }
///         else
///         {
///             request.ProrationBillingMode = "difference_immediately";
///             request.OnPaymentFailure = "prevent_change";
///         }
///
///         request.Metadata = new() { ["user_id"] = account.Id };
///         return null;
///     }
/// }
/// </code>
/// </example>
public interface IDodoPlanChangeHook
{
    /// <summary>Runs for <c>POST {pattern}/preview</c> and <c>POST {pattern}</c>, before Dodo's <c>change-plan</c> (or its preview) is called.</summary>
    /// <param name="httpContext">The request, with its user.</param>
    /// <param name="subscriptionId">The subscription the app's resolver found.</param>
    /// <param name="request">The body, with the app's defaults filled in; what it holds when the hooks return is sent to Dodo.</param>
    /// <param name="isPreview">True for the preview (nothing changes), false for the change itself.</param>
    /// <returns>Null to go on; a problem to refuse the request with.</returns>
    ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview);
}
