using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.PlanChange;

namespace DodoPayments.AspNetCore.TestSupport;

/// <summary>An <see cref="IDodoPaymentsApiClient"/> whose every call throws; a test overrides the calls it expects.</summary>
internal class UnsupportedDodoApiClient : IDodoPaymentsApiClient
{
    public virtual Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<CreatePaymentResponse> CreatePaymentAsync(CreatePaymentRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<CreateSubscriptionResponse> CreateSubscriptionAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<CheckoutSessionResponse> CreateCheckoutSessionAsync(CheckoutSessionRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<CustomerPortalSession> CreateCustomerPortalSessionAsync(string customerId, bool? sendEmail = null, string? returnUrl = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<ChangePlanResult> ChangePlanAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task<PlanChangePreview> PreviewPlanChangeAsync(string subscriptionId, ChangePlanRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public virtual Task CancelScheduledPlanChangeAsync(string subscriptionId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
