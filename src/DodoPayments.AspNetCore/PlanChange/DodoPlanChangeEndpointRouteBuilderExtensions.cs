using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Http;
using DodoPayments.AspNetCore.PlanChange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DodoPayments.AspNetCore;

/// <summary>Maps the subscription plan change endpoints: a preview of the charge, and the change itself.</summary>
public static class DodoPlanChangeEndpointRouteBuilderExtensions
{
    /// <summary>The default route of the plan change endpoints; the preview is <c>/api/subscription/plan/preview</c>.</summary>
    public const string DefaultPattern = "/api/subscription/plan";

    private const string BodyDescription =
        "JSON body (Content-Type: application/json): product_id (required), quantity (>= 1, default 1), addons [{addon_id, quantity}], " +
        "discount_codes (at most 20), effective_at (immediately | next_billing_date). proration_billing_mode, on_payment_failure, metadata " +
        "and any other field are set by the app, not the browser: sending one answers 400.";

    /// <summary>
    /// Maps the plan change endpoints at <see cref="DefaultPattern"/>; see
    /// <see cref="MapDodoPlanChange(IEndpointRouteBuilder, string, Func{HttpContext, ValueTask{string}})"/>.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="subscriptionIdResolver">Finds the subscription of the request's user (a claim, or your database); null when there is none.</param>
    /// <returns>A builder for both endpoints, to chain <c>.RequireAuthorization()</c> and other conventions to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoPlanChange(context =&gt; ValueTask.FromResult(context.User.FindFirst("dodo_subscription_id")?.Value))
    ///    .RequireAuthorization();
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoPlanChange(this IEndpointRouteBuilder endpoints, Func<HttpContext, ValueTask<string?>> subscriptionIdResolver) =>
        endpoints.MapDodoPlanChange(DefaultPattern, subscriptionIdResolver);

    /// <summary>
    /// Maps <c>POST {pattern}/preview</c> (Dodo's <c>change-plan/preview</c>: the immediate charge and the new plan,
    /// nothing changes) and <c>POST {pattern}</c> (Dodo's <c>change-plan</c>: the change, with the payment when one is made)
    /// for the subscription <paramref name="subscriptionIdResolver"/> finds; when it returns null, both answer 401
    /// without calling Dodo (an empty id, <c>.</c> or <c>..</c>: 400 naming <c>subscription_id</c>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The body is Dodo's JSON, accepted only as <c>application/json</c> (415 otherwise, so a cross-site form cannot
    /// drive it; 413 above <see cref="DodoPaymentsOptions.MaxRequestBodySize"/>). The browser sends <c>product_id</c>
    /// (required), <c>quantity</c> (at least 1; 1 when absent), <c>addons</c>, <c>discount_codes</c> (at most 20) and
    /// <c>effective_at</c>; it is validated before Dodo is called (400 naming the field).
    /// </para>
    /// <para>
    /// How the change is billed is the app's decision: <c>proration_billing_mode</c>, <c>on_payment_failure</c>,
    /// <c>metadata</c>, <c>adaptive_currency_fees_inclusive</c> and any field the package does not model are refused
    /// from the browser (400 naming the field). They come from
    /// <see cref="DodoPlanChangeOptions.ProrationBillingMode"/> and <see cref="DodoPlanChangeOptions.OnPaymentFailure"/>,
    /// or from the app's <see cref="IDodoPlanChangeHook"/>s, which run next and may also refuse the request. Then
    /// <c>product_id</c> must be one of <see cref="DodoPlanChangeOptions.AllowedProductIds"/> when that list is set.
    /// </para>
    /// <para>
    /// Dodo may answer the change with 200 and no body: that is success, answered 200 with an empty result, never an
    /// error that would invite a second, charged attempt.
    /// </para>
    /// </remarks>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route of the change, such as <see cref="DefaultPattern"/>; the preview is under it.</param>
    /// <param name="subscriptionIdResolver">Finds the subscription of the request's user (a claim, or your database); null when there is none.</param>
    /// <returns>A builder for both endpoints, to chain <c>.RequireAuthorization()</c> and other conventions to.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// app.MapDodoPlanChange("/api/subscription/plan", async context =&gt;
    ///     await context.RequestServices.GetRequiredService&lt;IAccounts&gt;().FindSubscriptionIdAsync(context.User))
    ///    .RequireAuthorization();
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoPlanChange(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, Func<HttpContext, ValueTask<string?>> subscriptionIdResolver) =>
        endpoints.MapDodoFeature(pattern, subscriptionIdResolver, DodoPaymentsFeatures.PlanChange, nameof(MapDodoPlanChange), (group, loggers) =>
        {
            group.MapDodoEndpoint(pattern.TrimEnd('/') + "/preview", HttpMethods.Post, PlanChangeEndpoint.Preview(subscriptionIdResolver, loggers).HandleAsync, typeof(ChangePlanRequest), DodoEndpointMapping.Json(typeof(PlanChangePreview)), DodoEndpointMapping.ResolverApiProblems)
                .WithDisplayName($"Dodo plan change preview {pattern}/preview")
                .WithSummary("Previews a subscription plan change")
                .WithDescription("What changing the signed-in customer's subscription to another plan would charge now, and the plan after the change. Nothing changes. " + BodyDescription);
            group.MapDodoEndpoint(pattern, HttpMethods.Post, PlanChangeEndpoint.Change(subscriptionIdResolver, loggers).HandleAsync, typeof(ChangePlanRequest), DodoEndpointMapping.Json(typeof(ChangePlanResult)), DodoEndpointMapping.ResolverApiProblems)
                .WithDisplayName($"Dodo plan change {pattern}")
                .WithSummary("Changes a subscription's plan")
                .WithDescription("Changes the signed-in customer's subscription to another plan, charging per the proration mode. " + BodyDescription);
        });
}
