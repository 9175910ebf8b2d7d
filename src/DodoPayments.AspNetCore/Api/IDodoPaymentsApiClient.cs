using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore;

/// <summary>
/// A typed client for the Dodo Payments REST API, registered by <c>AddDodoPayments</c>. Calls go to the host of
/// <see cref="DodoPaymentsOptions.Environment"/> (or <see cref="DodoPaymentsOptions.ApiBaseUrl"/>) with the API key as a
/// bearer token, and are abandoned after <see cref="DodoPaymentsOptions.ApiTimeout"/>. Nothing is retried: a retried
/// <c>POST</c> can charge a customer twice.
/// </summary>
/// <remarks>
/// Every method throws <see cref="DodoApiException"/> when the call fails, including when Dodo answers 2xx with something
/// unusable (<see cref="DodoApiErrorKind.UnreadableResponse"/>): a body that is not the expected JSON, or a link meant
/// for a browser (<c>checkout_url</c>, <c>payment_link</c>, the portal <c>link</c>) that is not an absolute http(s) URL.
/// Ids that go into the path (product, customer, subscription) must not be empty, <c>.</c> or <c>..</c>
/// (<see cref="ArgumentException"/>).
/// <para>
/// It takes and returns only types of <c>DodoPayments.AspNetCore.Api</c>. Every call has a default that throws
/// <see cref="NotSupportedException"/>, so a class of your own (a test double, a decorator) implements only the calls it
/// needs, and a call added in a later version does not break it.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// app.MapGet("/plans/{id}", async (string id, IDodoPaymentsApiClient dodo, CancellationToken ct) =&gt;
///     (await dodo.GetProductAsync(id, ct)).Name);
/// </code>
/// </example>
public interface IDodoPaymentsApiClient
{
    /// <summary><c>GET /products/{productId}</c>.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product.</returns>
    Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(GetProductAsync));

    /// <summary><c>POST /payments</c>: a one-time payment.</summary>
    /// <param name="request">The payment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dodo's answer, with the payment link when one was asked for.</returns>
    Task<CreatePaymentResponse> CreatePaymentAsync(CreatePaymentRequest request, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(CreatePaymentAsync));

    /// <summary><c>POST /subscriptions</c>.</summary>
    /// <param name="request">The subscription.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dodo's answer, with the payment link when one was asked for.</returns>
    Task<CreateSubscriptionResponse> CreateSubscriptionAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(CreateSubscriptionAsync));

    /// <summary><c>POST /checkouts</c>: a checkout session.</summary>
    /// <param name="request">The session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, with its checkout URL unless it was created in confirm mode.</returns>
    Task<CheckoutSessionResponse> CreateCheckoutSessionAsync(CreateCheckoutSessionRequest request, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(CreateCheckoutSessionAsync));

    /// <summary><c>POST /customers/{customerId}/customer-portal/session</c>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="sendEmail">Whether Dodo emails the customer the link; not sent when null.</param>
    /// <param name="returnUrl">Where the portal's back link goes; not sent when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The portal link.</returns>
    Task<CustomerPortalSession> CreateCustomerPortalSessionAsync(string customerId, bool? sendEmail = null, string? returnUrl = null, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(CreateCustomerPortalSessionAsync));

    /// <summary><c>POST /subscriptions/{subscriptionId}/change-plan</c>.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="request">The new plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// Dodo's answer, with the payment when the change charged the customer. Dodo may answer with no body: the change
    /// went through, and the result has nothing set. A <c>payment_link</c> that is not an absolute http(s) URL is left
    /// out (and logged), as the change has already been made.
    /// </returns>
    Task<ChangePlanResult> ChangePlanAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(ChangePlanAsync));

    /// <summary><c>POST /subscriptions/{subscriptionId}/change-plan/preview</c>: what a change would charge, changing nothing.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="request">The new plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The immediate charge and the plan after the change.</returns>
    Task<PlanChangePreview> PreviewPlanChangeAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(PreviewPlanChangeAsync));

    /// <summary><c>DELETE /subscriptions/{subscriptionId}/change-plan/scheduled</c>: cancels a change scheduled for the next billing date.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Dodo has cancelled the change.</returns>
    Task CancelScheduledPlanChangeAsync(string subscriptionId, CancellationToken cancellationToken = default) => throw NotImplemented(nameof(CancelScheduledPlanChangeAsync));

    private NotSupportedException NotImplemented(string call) =>
        new($"{GetType().Name} does not implement IDodoPaymentsApiClient.{call}.");
}
