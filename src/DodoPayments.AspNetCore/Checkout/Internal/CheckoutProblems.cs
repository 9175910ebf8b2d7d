using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>The checkout-specific answers; everything about Dodo failing goes through <see cref="DodoProblems"/>.</summary>
internal static class CheckoutProblems
{
    public static ValidationProblem UnknownProduct(string field, string productId) =>
        DodoProblems.Invalid(field, $"Product '{productId}' was not found.");

    public static ValidationProblem NotAllowed(string field, string productId) =>
        DodoProblems.Invalid(field, $"Product '{productId}' cannot be bought here.");

    /// <summary>
    /// Dodo created the checkout but gave no page to send the browser to. In confirm mode (<c>confirm: true</c> with a
    /// <c>payment_method_id</c>, set by a hook) that is by design, and the request was the wrong one for this endpoint:
    /// 400 with the session and payment ids. Otherwise Dodo's answer is unusable: 502.
    /// </summary>
    public static ProblemHttpResult MissingCheckoutUrl(bool confirmMode, string? sessionId, string? paymentId) => confirmMode
        ? TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The checkout session has no checkout page.",
            detail: "Dodo created the session in confirm mode (confirm: true with a payment_method_id), which has no checkout_url. " +
                "Create confirm-mode sessions with IDodoPaymentsApiClient.CreateCheckoutSessionAsync instead of this endpoint.",
            extensions: new Dictionary<string, object?>
            {
                [DodoProblems.CodeExtension] = "CHECKOUT_URL_MISSING",
                ["session_id"] = sessionId,
                ["payment_id"] = paymentId,
            })
        : TypedResults.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "The payment provider is unavailable.",
            detail: "Dodo Payments answered without a checkout URL. Try again later.");
}
