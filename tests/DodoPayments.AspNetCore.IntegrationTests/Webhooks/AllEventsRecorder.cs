using System.Collections.Concurrent;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// Implements the handler interface of every event type and records what reaches it. Generated from the 48 types of
/// DODO.md §6.1 (same list as the library's registry), so a type missing from the library fails to compile here.
/// </summary>
internal sealed class AllEventsRecorder :
    IPaymentSucceededHandler,
    IPaymentFailedHandler,
    IPaymentProcessingHandler,
    IPaymentCancelledHandler,
    IRefundSucceededHandler,
    IRefundFailedHandler,
    IDisputeOpenedHandler,
    IDisputeExpiredHandler,
    IDisputeAcceptedHandler,
    IDisputeCancelledHandler,
    IDisputeChallengedHandler,
    IDisputeWonHandler,
    IDisputeLostHandler,
    ISubscriptionActiveHandler,
    ISubscriptionOnHoldHandler,
    ISubscriptionRenewedHandler,
    ISubscriptionPlanChangedHandler,
    ISubscriptionCancelledHandler,
    ISubscriptionFailedHandler,
    ISubscriptionExpiredHandler,
    ISubscriptionUpdatedHandler,
    ISubscriptionPausedHandler,
    ISubscriptionUnpausedHandler,
    ISubscriptionUpdatePaymentMethodHandler,
    ISubscriptionPastDueHandler,
    ILicenseKeyCreatedHandler,
    IAbandonedCheckoutDetectedHandler,
    IAbandonedCheckoutRecoveredHandler,
    IDunningStartedHandler,
    IDunningRecoveredHandler,
    ICreditAddedHandler,
    ICreditDeductedHandler,
    ICreditExpiredHandler,
    ICreditRolledOverHandler,
    ICreditRolloverForfeitedHandler,
    ICreditOverageChargedHandler,
    ICreditOverageResetHandler,
    ICreditManualAdjustmentHandler,
    ICreditBalanceLowHandler,
    IEntitlementGrantCreatedHandler,
    IEntitlementGrantDeliveredHandler,
    IEntitlementGrantFailedHandler,
    IEntitlementGrantRevokedHandler,
    IPayoutCreatedHandler,
    IPayoutOnHoldHandler,
    IPayoutInProgressHandler,
    IPayoutFailedHandler,
    IPayoutSuccessHandler
{
    /// <summary>Each event type, its handler interface, and the data field that identifies it.</summary>
    public static readonly TheoryData<string, string, string> EventTypes = new()
    {
        { "payment.succeeded", nameof(IPaymentSucceededHandler), "payment_id" },
        { "payment.failed", nameof(IPaymentFailedHandler), "payment_id" },
        { "payment.processing", nameof(IPaymentProcessingHandler), "payment_id" },
        { "payment.cancelled", nameof(IPaymentCancelledHandler), "payment_id" },
        { "refund.succeeded", nameof(IRefundSucceededHandler), "refund_id" },
        { "refund.failed", nameof(IRefundFailedHandler), "refund_id" },
        { "dispute.opened", nameof(IDisputeOpenedHandler), "dispute_id" },
        { "dispute.expired", nameof(IDisputeExpiredHandler), "dispute_id" },
        { "dispute.accepted", nameof(IDisputeAcceptedHandler), "dispute_id" },
        { "dispute.cancelled", nameof(IDisputeCancelledHandler), "dispute_id" },
        { "dispute.challenged", nameof(IDisputeChallengedHandler), "dispute_id" },
        { "dispute.won", nameof(IDisputeWonHandler), "dispute_id" },
        { "dispute.lost", nameof(IDisputeLostHandler), "dispute_id" },
        { "subscription.active", nameof(ISubscriptionActiveHandler), "subscription_id" },
        { "subscription.on_hold", nameof(ISubscriptionOnHoldHandler), "subscription_id" },
        { "subscription.renewed", nameof(ISubscriptionRenewedHandler), "subscription_id" },
        { "subscription.plan_changed", nameof(ISubscriptionPlanChangedHandler), "subscription_id" },
        { "subscription.cancelled", nameof(ISubscriptionCancelledHandler), "subscription_id" },
        { "subscription.failed", nameof(ISubscriptionFailedHandler), "subscription_id" },
        { "subscription.expired", nameof(ISubscriptionExpiredHandler), "subscription_id" },
        { "subscription.updated", nameof(ISubscriptionUpdatedHandler), "subscription_id" },
        { "subscription.paused", nameof(ISubscriptionPausedHandler), "subscription_id" },
        { "subscription.unpaused", nameof(ISubscriptionUnpausedHandler), "subscription_id" },
        { "subscription.update_payment_method", nameof(ISubscriptionUpdatePaymentMethodHandler), "subscription_id" },
        { "subscription.past_due", nameof(ISubscriptionPastDueHandler), "subscription_id" },
        { "license_key.created", nameof(ILicenseKeyCreatedHandler), "id" },
        { "abandoned_checkout.detected", nameof(IAbandonedCheckoutDetectedHandler), "payment_id" },
        { "abandoned_checkout.recovered", nameof(IAbandonedCheckoutRecoveredHandler), "payment_id" },
        { "dunning.started", nameof(IDunningStartedHandler), "subscription_id" },
        { "dunning.recovered", nameof(IDunningRecoveredHandler), "subscription_id" },
        { "credit.added", nameof(ICreditAddedHandler), "id" },
        { "credit.deducted", nameof(ICreditDeductedHandler), "id" },
        { "credit.expired", nameof(ICreditExpiredHandler), "id" },
        { "credit.rolled_over", nameof(ICreditRolledOverHandler), "id" },
        { "credit.rollover_forfeited", nameof(ICreditRolloverForfeitedHandler), "id" },
        { "credit.overage_charged", nameof(ICreditOverageChargedHandler), "id" },
        { "credit.overage_reset", nameof(ICreditOverageResetHandler), "id" },
        { "credit.manual_adjustment", nameof(ICreditManualAdjustmentHandler), "id" },
        { "credit.balance_low", nameof(ICreditBalanceLowHandler), "credit_entitlement_id" },
        { "entitlement_grant.created", nameof(IEntitlementGrantCreatedHandler), "id" },
        { "entitlement_grant.delivered", nameof(IEntitlementGrantDeliveredHandler), "id" },
        { "entitlement_grant.failed", nameof(IEntitlementGrantFailedHandler), "id" },
        { "entitlement_grant.revoked", nameof(IEntitlementGrantRevokedHandler), "id" },
        { "payout.created", nameof(IPayoutCreatedHandler), "payout_id" },
        { "payout.on_hold", nameof(IPayoutOnHoldHandler), "payout_id" },
        { "payout.in_progress", nameof(IPayoutInProgressHandler), "payout_id" },
        { "payout.failed", nameof(IPayoutFailedHandler), "payout_id" },
        { "payout.success", nameof(IPayoutSuccessHandler), "payout_id" },
    };

    public ConcurrentQueue<(Type HandlerInterface, WebhookEvent Event)> Received { get; } = new();

    /// <summary>Registers this instance as each event's own handler interface only (not <c>IWebhookHandler&lt;TEvent&gt;</c>).</summary>
    public void RegisterEachHandlerInterface(IServiceCollection services)
    {
        services.AddScoped<IPaymentSucceededHandler>(_ => this);
        services.AddScoped<IPaymentFailedHandler>(_ => this);
        services.AddScoped<IPaymentProcessingHandler>(_ => this);
        services.AddScoped<IPaymentCancelledHandler>(_ => this);
        services.AddScoped<IRefundSucceededHandler>(_ => this);
        services.AddScoped<IRefundFailedHandler>(_ => this);
        services.AddScoped<IDisputeOpenedHandler>(_ => this);
        services.AddScoped<IDisputeExpiredHandler>(_ => this);
        services.AddScoped<IDisputeAcceptedHandler>(_ => this);
        services.AddScoped<IDisputeCancelledHandler>(_ => this);
        services.AddScoped<IDisputeChallengedHandler>(_ => this);
        services.AddScoped<IDisputeWonHandler>(_ => this);
        services.AddScoped<IDisputeLostHandler>(_ => this);
        services.AddScoped<ISubscriptionActiveHandler>(_ => this);
        services.AddScoped<ISubscriptionOnHoldHandler>(_ => this);
        services.AddScoped<ISubscriptionRenewedHandler>(_ => this);
        services.AddScoped<ISubscriptionPlanChangedHandler>(_ => this);
        services.AddScoped<ISubscriptionCancelledHandler>(_ => this);
        services.AddScoped<ISubscriptionFailedHandler>(_ => this);
        services.AddScoped<ISubscriptionExpiredHandler>(_ => this);
        services.AddScoped<ISubscriptionUpdatedHandler>(_ => this);
        services.AddScoped<ISubscriptionPausedHandler>(_ => this);
        services.AddScoped<ISubscriptionUnpausedHandler>(_ => this);
        services.AddScoped<ISubscriptionUpdatePaymentMethodHandler>(_ => this);
        services.AddScoped<ISubscriptionPastDueHandler>(_ => this);
        services.AddScoped<ILicenseKeyCreatedHandler>(_ => this);
        services.AddScoped<IAbandonedCheckoutDetectedHandler>(_ => this);
        services.AddScoped<IAbandonedCheckoutRecoveredHandler>(_ => this);
        services.AddScoped<IDunningStartedHandler>(_ => this);
        services.AddScoped<IDunningRecoveredHandler>(_ => this);
        services.AddScoped<ICreditAddedHandler>(_ => this);
        services.AddScoped<ICreditDeductedHandler>(_ => this);
        services.AddScoped<ICreditExpiredHandler>(_ => this);
        services.AddScoped<ICreditRolledOverHandler>(_ => this);
        services.AddScoped<ICreditRolloverForfeitedHandler>(_ => this);
        services.AddScoped<ICreditOverageChargedHandler>(_ => this);
        services.AddScoped<ICreditOverageResetHandler>(_ => this);
        services.AddScoped<ICreditManualAdjustmentHandler>(_ => this);
        services.AddScoped<ICreditBalanceLowHandler>(_ => this);
        services.AddScoped<IEntitlementGrantCreatedHandler>(_ => this);
        services.AddScoped<IEntitlementGrantDeliveredHandler>(_ => this);
        services.AddScoped<IEntitlementGrantFailedHandler>(_ => this);
        services.AddScoped<IEntitlementGrantRevokedHandler>(_ => this);
        services.AddScoped<IPayoutCreatedHandler>(_ => this);
        services.AddScoped<IPayoutOnHoldHandler>(_ => this);
        services.AddScoped<IPayoutInProgressHandler>(_ => this);
        services.AddScoped<IPayoutFailedHandler>(_ => this);
        services.AddScoped<IPayoutSuccessHandler>(_ => this);
    }

    Task IWebhookHandler<PaymentSucceededEvent>.HandleAsync(PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPaymentSucceededHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PaymentFailedEvent>.HandleAsync(PaymentFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPaymentFailedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PaymentProcessingEvent>.HandleAsync(PaymentProcessingEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPaymentProcessingHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PaymentCancelledEvent>.HandleAsync(PaymentCancelledEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPaymentCancelledHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<RefundSucceededEvent>.HandleAsync(RefundSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IRefundSucceededHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<RefundFailedEvent>.HandleAsync(RefundFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IRefundFailedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeOpenedEvent>.HandleAsync(DisputeOpenedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeOpenedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeExpiredEvent>.HandleAsync(DisputeExpiredEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeExpiredHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeAcceptedEvent>.HandleAsync(DisputeAcceptedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeAcceptedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeCancelledEvent>.HandleAsync(DisputeCancelledEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeCancelledHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeChallengedEvent>.HandleAsync(DisputeChallengedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeChallengedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeWonEvent>.HandleAsync(DisputeWonEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeWonHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DisputeLostEvent>.HandleAsync(DisputeLostEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDisputeLostHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionActiveEvent>.HandleAsync(SubscriptionActiveEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionActiveHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionOnHoldEvent>.HandleAsync(SubscriptionOnHoldEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionOnHoldHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionRenewedEvent>.HandleAsync(SubscriptionRenewedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionRenewedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionPlanChangedEvent>.HandleAsync(SubscriptionPlanChangedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionPlanChangedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionCancelledEvent>.HandleAsync(SubscriptionCancelledEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionCancelledHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionFailedEvent>.HandleAsync(SubscriptionFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionFailedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionExpiredEvent>.HandleAsync(SubscriptionExpiredEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionExpiredHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionUpdatedEvent>.HandleAsync(SubscriptionUpdatedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionUpdatedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionPausedEvent>.HandleAsync(SubscriptionPausedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionPausedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionUnpausedEvent>.HandleAsync(SubscriptionUnpausedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionUnpausedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionUpdatePaymentMethodEvent>.HandleAsync(SubscriptionUpdatePaymentMethodEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionUpdatePaymentMethodHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<SubscriptionPastDueEvent>.HandleAsync(SubscriptionPastDueEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ISubscriptionPastDueHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<LicenseKeyCreatedEvent>.HandleAsync(LicenseKeyCreatedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ILicenseKeyCreatedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<AbandonedCheckoutDetectedEvent>.HandleAsync(AbandonedCheckoutDetectedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IAbandonedCheckoutDetectedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<AbandonedCheckoutRecoveredEvent>.HandleAsync(AbandonedCheckoutRecoveredEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IAbandonedCheckoutRecoveredHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DunningStartedEvent>.HandleAsync(DunningStartedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDunningStartedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<DunningRecoveredEvent>.HandleAsync(DunningRecoveredEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IDunningRecoveredHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditAddedEvent>.HandleAsync(CreditAddedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditAddedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditDeductedEvent>.HandleAsync(CreditDeductedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditDeductedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditExpiredEvent>.HandleAsync(CreditExpiredEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditExpiredHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditRolledOverEvent>.HandleAsync(CreditRolledOverEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditRolledOverHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditRolloverForfeitedEvent>.HandleAsync(CreditRolloverForfeitedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditRolloverForfeitedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditOverageChargedEvent>.HandleAsync(CreditOverageChargedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditOverageChargedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditOverageResetEvent>.HandleAsync(CreditOverageResetEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditOverageResetHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditManualAdjustmentEvent>.HandleAsync(CreditManualAdjustmentEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditManualAdjustmentHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<CreditBalanceLowEvent>.HandleAsync(CreditBalanceLowEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(ICreditBalanceLowHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<EntitlementGrantCreatedEvent>.HandleAsync(EntitlementGrantCreatedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IEntitlementGrantCreatedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<EntitlementGrantDeliveredEvent>.HandleAsync(EntitlementGrantDeliveredEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IEntitlementGrantDeliveredHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<EntitlementGrantFailedEvent>.HandleAsync(EntitlementGrantFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IEntitlementGrantFailedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<EntitlementGrantRevokedEvent>.HandleAsync(EntitlementGrantRevokedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IEntitlementGrantRevokedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PayoutCreatedEvent>.HandleAsync(PayoutCreatedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPayoutCreatedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PayoutOnHoldEvent>.HandleAsync(PayoutOnHoldEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPayoutOnHoldHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PayoutInProgressEvent>.HandleAsync(PayoutInProgressEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPayoutInProgressHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PayoutFailedEvent>.HandleAsync(PayoutFailedEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPayoutFailedHandler), webhookEvent));
        return Task.CompletedTask;
    }

    Task IWebhookHandler<PayoutSuccessEvent>.HandleAsync(PayoutSuccessEvent webhookEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue((typeof(IPayoutSuccessHandler), webhookEvent));
        return Task.CompletedTask;
    }
}
