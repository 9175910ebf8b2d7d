using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.PlanChange;
using Microsoft.AspNetCore.Mvc;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>
/// Runs before every plan change is sent to Dodo: tags the change with the metadata Dodo puts on the payment of its
/// immediate charge, so <see cref="Webhooks.OrderWebhookHandler"/> can book that <c>payment.succeeded</c> as a plan
/// change of this user on the orders page (without it, Dodo sends the subscription's own metadata, as for a renewal).
/// The browser may not send metadata itself; the endpoint refuses it.
/// </summary>
internal sealed class ShopPlanChangeHook : IDodoPlanChangeHook
{
    /// <summary>The metadata key naming the plan a charge changed to.</summary>
    public const string PlanChangeTo = "plan_change_to";

    public ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview)
    {
        if (!isPreview && httpContext.User.GetUserId() is { } userId && request.ProductId is { } productId)
        {
            request.Metadata = new DodoMetadata { ["user_id"] = userId, [PlanChangeTo] = productId };
        }

        return ValueTask.FromResult<ProblemDetails?>(null);
    }
}
