using System.Collections.Frozen;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The known event types: for each, how to read its <c>data</c> (a source-generated <c>JsonTypeInfo</c>), what
/// identifies it, and which handler interfaces receive it. Built once; a request only looks its type up.
/// </summary>
/// <remarks>Generated from the 48 types of DODO.md §6.1; keep in step with <c>Events/</c> and <c>Handlers/</c>.</remarks>
internal static class WebhookEventRegistry
{
    /// <summary>The descriptors keyed by event type (ordinal).</summary>
    public static FrozenDictionary<string, WebhookEventDescriptor> Descriptors { get; } = new Dictionary<string, WebhookEventDescriptor>(StringComparer.Ordinal)
    {
        [PaymentSucceededEvent.EventType] = new WebhookEventDescriptor<PaymentSucceededEvent, Payment, IPaymentSucceededHandler>(
            static () => new PaymentSucceededEvent(), WebhookJsonContext.Default.Payment, static data => !string.IsNullOrEmpty(data.PaymentId)),
        [PaymentFailedEvent.EventType] = new WebhookEventDescriptor<PaymentFailedEvent, Payment, IPaymentFailedHandler>(
            static () => new PaymentFailedEvent(), WebhookJsonContext.Default.Payment, static data => !string.IsNullOrEmpty(data.PaymentId)),
        [PaymentProcessingEvent.EventType] = new WebhookEventDescriptor<PaymentProcessingEvent, Payment, IPaymentProcessingHandler>(
            static () => new PaymentProcessingEvent(), WebhookJsonContext.Default.Payment, static data => !string.IsNullOrEmpty(data.PaymentId)),
        [PaymentCancelledEvent.EventType] = new WebhookEventDescriptor<PaymentCancelledEvent, Payment, IPaymentCancelledHandler>(
            static () => new PaymentCancelledEvent(), WebhookJsonContext.Default.Payment, static data => !string.IsNullOrEmpty(data.PaymentId)),
        [RefundSucceededEvent.EventType] = new WebhookEventDescriptor<RefundSucceededEvent, Refund, IRefundSucceededHandler>(
            static () => new RefundSucceededEvent(), WebhookJsonContext.Default.Refund, static data => !string.IsNullOrEmpty(data.RefundId)),
        [RefundFailedEvent.EventType] = new WebhookEventDescriptor<RefundFailedEvent, Refund, IRefundFailedHandler>(
            static () => new RefundFailedEvent(), WebhookJsonContext.Default.Refund, static data => !string.IsNullOrEmpty(data.RefundId)),
        [DisputeOpenedEvent.EventType] = new WebhookEventDescriptor<DisputeOpenedEvent, Dispute, IDisputeOpenedHandler>(
            static () => new DisputeOpenedEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeExpiredEvent.EventType] = new WebhookEventDescriptor<DisputeExpiredEvent, Dispute, IDisputeExpiredHandler>(
            static () => new DisputeExpiredEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeAcceptedEvent.EventType] = new WebhookEventDescriptor<DisputeAcceptedEvent, Dispute, IDisputeAcceptedHandler>(
            static () => new DisputeAcceptedEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeCancelledEvent.EventType] = new WebhookEventDescriptor<DisputeCancelledEvent, Dispute, IDisputeCancelledHandler>(
            static () => new DisputeCancelledEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeChallengedEvent.EventType] = new WebhookEventDescriptor<DisputeChallengedEvent, Dispute, IDisputeChallengedHandler>(
            static () => new DisputeChallengedEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeWonEvent.EventType] = new WebhookEventDescriptor<DisputeWonEvent, Dispute, IDisputeWonHandler>(
            static () => new DisputeWonEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeLostEvent.EventType] = new WebhookEventDescriptor<DisputeLostEvent, Dispute, IDisputeLostHandler>(
            static () => new DisputeLostEvent(), WebhookJsonContext.Default.Dispute, static data => !string.IsNullOrEmpty(data.DisputeId)),
        [SubscriptionActiveEvent.EventType] = new WebhookEventDescriptor<SubscriptionActiveEvent, Subscription, ISubscriptionActiveHandler>(
            static () => new SubscriptionActiveEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionOnHoldEvent.EventType] = new WebhookEventDescriptor<SubscriptionOnHoldEvent, Subscription, ISubscriptionOnHoldHandler>(
            static () => new SubscriptionOnHoldEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionRenewedEvent.EventType] = new WebhookEventDescriptor<SubscriptionRenewedEvent, Subscription, ISubscriptionRenewedHandler>(
            static () => new SubscriptionRenewedEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionPlanChangedEvent.EventType] = new WebhookEventDescriptor<SubscriptionPlanChangedEvent, Subscription, ISubscriptionPlanChangedHandler>(
            static () => new SubscriptionPlanChangedEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionCancelledEvent.EventType] = new WebhookEventDescriptor<SubscriptionCancelledEvent, Subscription, ISubscriptionCancelledHandler>(
            static () => new SubscriptionCancelledEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionFailedEvent.EventType] = new WebhookEventDescriptor<SubscriptionFailedEvent, Subscription, ISubscriptionFailedHandler>(
            static () => new SubscriptionFailedEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionExpiredEvent.EventType] = new WebhookEventDescriptor<SubscriptionExpiredEvent, Subscription, ISubscriptionExpiredHandler>(
            static () => new SubscriptionExpiredEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionUpdatedEvent.EventType] = new WebhookEventDescriptor<SubscriptionUpdatedEvent, Subscription, ISubscriptionUpdatedHandler>(
            static () => new SubscriptionUpdatedEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionPausedEvent.EventType] = new WebhookEventDescriptor<SubscriptionPausedEvent, Subscription, ISubscriptionPausedHandler>(
            static () => new SubscriptionPausedEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionUnpausedEvent.EventType] = new WebhookEventDescriptor<SubscriptionUnpausedEvent, Subscription, ISubscriptionUnpausedHandler>(
            static () => new SubscriptionUnpausedEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionUpdatePaymentMethodEvent.EventType] = new WebhookEventDescriptor<SubscriptionUpdatePaymentMethodEvent, Subscription, ISubscriptionUpdatePaymentMethodHandler>(
            static () => new SubscriptionUpdatePaymentMethodEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionPastDueEvent.EventType] = new WebhookEventDescriptor<SubscriptionPastDueEvent, Subscription, ISubscriptionPastDueHandler>(
            static () => new SubscriptionPastDueEvent(), WebhookJsonContext.Default.Subscription, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [LicenseKeyCreatedEvent.EventType] = new WebhookEventDescriptor<LicenseKeyCreatedEvent, LicenseKey, ILicenseKeyCreatedHandler>(
            static () => new LicenseKeyCreatedEvent(), WebhookJsonContext.Default.LicenseKey, static data => !string.IsNullOrEmpty(data.Id)),
        [AbandonedCheckoutDetectedEvent.EventType] = new WebhookEventDescriptor<AbandonedCheckoutDetectedEvent, AbandonedCheckout, IAbandonedCheckoutDetectedHandler>(
            static () => new AbandonedCheckoutDetectedEvent(), WebhookJsonContext.Default.AbandonedCheckout, static data => !string.IsNullOrEmpty(data.PaymentId)),
        [AbandonedCheckoutRecoveredEvent.EventType] = new WebhookEventDescriptor<AbandonedCheckoutRecoveredEvent, AbandonedCheckout, IAbandonedCheckoutRecoveredHandler>(
            static () => new AbandonedCheckoutRecoveredEvent(), WebhookJsonContext.Default.AbandonedCheckout, static data => !string.IsNullOrEmpty(data.PaymentId)),
        [DunningStartedEvent.EventType] = new WebhookEventDescriptor<DunningStartedEvent, DunningAttempt, IDunningStartedHandler>(
            static () => new DunningStartedEvent(), WebhookJsonContext.Default.DunningAttempt, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [DunningRecoveredEvent.EventType] = new WebhookEventDescriptor<DunningRecoveredEvent, DunningAttempt, IDunningRecoveredHandler>(
            static () => new DunningRecoveredEvent(), WebhookJsonContext.Default.DunningAttempt, static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [CreditAddedEvent.EventType] = new WebhookEventDescriptor<CreditAddedEvent, CreditLedgerEntry, ICreditAddedHandler>(
            static () => new CreditAddedEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditDeductedEvent.EventType] = new WebhookEventDescriptor<CreditDeductedEvent, CreditLedgerEntry, ICreditDeductedHandler>(
            static () => new CreditDeductedEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditExpiredEvent.EventType] = new WebhookEventDescriptor<CreditExpiredEvent, CreditLedgerEntry, ICreditExpiredHandler>(
            static () => new CreditExpiredEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditRolledOverEvent.EventType] = new WebhookEventDescriptor<CreditRolledOverEvent, CreditLedgerEntry, ICreditRolledOverHandler>(
            static () => new CreditRolledOverEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditRolloverForfeitedEvent.EventType] = new WebhookEventDescriptor<CreditRolloverForfeitedEvent, CreditLedgerEntry, ICreditRolloverForfeitedHandler>(
            static () => new CreditRolloverForfeitedEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditOverageChargedEvent.EventType] = new WebhookEventDescriptor<CreditOverageChargedEvent, CreditLedgerEntry, ICreditOverageChargedHandler>(
            static () => new CreditOverageChargedEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditOverageResetEvent.EventType] = new WebhookEventDescriptor<CreditOverageResetEvent, CreditLedgerEntry, ICreditOverageResetHandler>(
            static () => new CreditOverageResetEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditManualAdjustmentEvent.EventType] = new WebhookEventDescriptor<CreditManualAdjustmentEvent, CreditLedgerEntry, ICreditManualAdjustmentHandler>(
            static () => new CreditManualAdjustmentEvent(), WebhookJsonContext.Default.CreditLedgerEntry, static data => !string.IsNullOrEmpty(data.Id)),
        [CreditBalanceLowEvent.EventType] = new WebhookEventDescriptor<CreditBalanceLowEvent, CreditBalanceLow, ICreditBalanceLowHandler>(
            static () => new CreditBalanceLowEvent(), WebhookJsonContext.Default.CreditBalanceLow, static data => !string.IsNullOrEmpty(data.CreditEntitlementId)),
        [EntitlementGrantCreatedEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantCreatedEvent, EntitlementGrant, IEntitlementGrantCreatedHandler>(
            static () => new EntitlementGrantCreatedEvent(), WebhookJsonContext.Default.EntitlementGrant, static data => !string.IsNullOrEmpty(data.Id)),
        [EntitlementGrantDeliveredEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantDeliveredEvent, EntitlementGrant, IEntitlementGrantDeliveredHandler>(
            static () => new EntitlementGrantDeliveredEvent(), WebhookJsonContext.Default.EntitlementGrant, static data => !string.IsNullOrEmpty(data.Id)),
        [EntitlementGrantFailedEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantFailedEvent, EntitlementGrant, IEntitlementGrantFailedHandler>(
            static () => new EntitlementGrantFailedEvent(), WebhookJsonContext.Default.EntitlementGrant, static data => !string.IsNullOrEmpty(data.Id)),
        [EntitlementGrantRevokedEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantRevokedEvent, EntitlementGrant, IEntitlementGrantRevokedHandler>(
            static () => new EntitlementGrantRevokedEvent(), WebhookJsonContext.Default.EntitlementGrant, static data => !string.IsNullOrEmpty(data.Id)),
        [PayoutCreatedEvent.EventType] = new WebhookEventDescriptor<PayoutCreatedEvent, Payout, IPayoutCreatedHandler>(
            static () => new PayoutCreatedEvent(), WebhookJsonContext.Default.Payout, static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutOnHoldEvent.EventType] = new WebhookEventDescriptor<PayoutOnHoldEvent, Payout, IPayoutOnHoldHandler>(
            static () => new PayoutOnHoldEvent(), WebhookJsonContext.Default.Payout, static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutInProgressEvent.EventType] = new WebhookEventDescriptor<PayoutInProgressEvent, Payout, IPayoutInProgressHandler>(
            static () => new PayoutInProgressEvent(), WebhookJsonContext.Default.Payout, static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutFailedEvent.EventType] = new WebhookEventDescriptor<PayoutFailedEvent, Payout, IPayoutFailedHandler>(
            static () => new PayoutFailedEvent(), WebhookJsonContext.Default.Payout, static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutSuccessEvent.EventType] = new WebhookEventDescriptor<PayoutSuccessEvent, Payout, IPayoutSuccessHandler>(
            static () => new PayoutSuccessEvent(), WebhookJsonContext.Default.Payout, static data => !string.IsNullOrEmpty(data.PayoutId)),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
