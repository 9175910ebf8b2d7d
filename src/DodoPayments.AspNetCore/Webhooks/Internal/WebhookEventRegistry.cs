using System.Collections.Frozen;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The known event types: for each, how to read its <c>data</c> (a source-generated <c>JsonTypeInfo</c>), what
/// identifies it, and which handler interfaces receive it. Built once; a request only looks its type up
/// (<see cref="Find"/>, which answers the unknown-type descriptor for any other type).
/// </summary>
/// <remarks>Generated from the 48 types of DODO.md §6.1; keep in step with <c>Events/</c> and <c>Handlers/</c>.</remarks>
internal static class WebhookEventRegistry
{
    /// <summary>The descriptors keyed by event type (ordinal).</summary>
    public static FrozenDictionary<string, WebhookEventDescriptor> Descriptors { get; } = new Dictionary<string, WebhookEventDescriptor>(StringComparer.Ordinal)
    {
        [PaymentSucceededEvent.EventType] = new WebhookEventDescriptor<PaymentSucceededEvent, Payment, IPaymentSucceededHandler>(
            static () => new PaymentSucceededEvent(), WebhookJson.TypeInfo<Payment>(), static data => !string.IsNullOrEmpty(data.PaymentId)),
        [PaymentFailedEvent.EventType] = new WebhookEventDescriptor<PaymentFailedEvent, Payment, IPaymentFailedHandler>(
            static () => new PaymentFailedEvent(), WebhookJson.TypeInfo<Payment>(), static data => !string.IsNullOrEmpty(data.PaymentId)),
        [PaymentProcessingEvent.EventType] = new WebhookEventDescriptor<PaymentProcessingEvent, Payment, IPaymentProcessingHandler>(
            static () => new PaymentProcessingEvent(), WebhookJson.TypeInfo<Payment>(), static data => !string.IsNullOrEmpty(data.PaymentId)),
        [PaymentCancelledEvent.EventType] = new WebhookEventDescriptor<PaymentCancelledEvent, Payment, IPaymentCancelledHandler>(
            static () => new PaymentCancelledEvent(), WebhookJson.TypeInfo<Payment>(), static data => !string.IsNullOrEmpty(data.PaymentId)),
        [RefundSucceededEvent.EventType] = new WebhookEventDescriptor<RefundSucceededEvent, Refund, IRefundSucceededHandler>(
            static () => new RefundSucceededEvent(), WebhookJson.TypeInfo<Refund>(), static data => !string.IsNullOrEmpty(data.RefundId)),
        [RefundFailedEvent.EventType] = new WebhookEventDescriptor<RefundFailedEvent, Refund, IRefundFailedHandler>(
            static () => new RefundFailedEvent(), WebhookJson.TypeInfo<Refund>(), static data => !string.IsNullOrEmpty(data.RefundId)),
        [DisputeOpenedEvent.EventType] = new WebhookEventDescriptor<DisputeOpenedEvent, Dispute, IDisputeOpenedHandler>(
            static () => new DisputeOpenedEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeExpiredEvent.EventType] = new WebhookEventDescriptor<DisputeExpiredEvent, Dispute, IDisputeExpiredHandler>(
            static () => new DisputeExpiredEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeAcceptedEvent.EventType] = new WebhookEventDescriptor<DisputeAcceptedEvent, Dispute, IDisputeAcceptedHandler>(
            static () => new DisputeAcceptedEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeCancelledEvent.EventType] = new WebhookEventDescriptor<DisputeCancelledEvent, Dispute, IDisputeCancelledHandler>(
            static () => new DisputeCancelledEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeChallengedEvent.EventType] = new WebhookEventDescriptor<DisputeChallengedEvent, Dispute, IDisputeChallengedHandler>(
            static () => new DisputeChallengedEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeWonEvent.EventType] = new WebhookEventDescriptor<DisputeWonEvent, Dispute, IDisputeWonHandler>(
            static () => new DisputeWonEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [DisputeLostEvent.EventType] = new WebhookEventDescriptor<DisputeLostEvent, Dispute, IDisputeLostHandler>(
            static () => new DisputeLostEvent(), WebhookJson.TypeInfo<Dispute>(), static data => !string.IsNullOrEmpty(data.DisputeId)),
        [SubscriptionActiveEvent.EventType] = new WebhookEventDescriptor<SubscriptionActiveEvent, Subscription, ISubscriptionActiveHandler>(
            static () => new SubscriptionActiveEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionOnHoldEvent.EventType] = new WebhookEventDescriptor<SubscriptionOnHoldEvent, Subscription, ISubscriptionOnHoldHandler>(
            static () => new SubscriptionOnHoldEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionRenewedEvent.EventType] = new WebhookEventDescriptor<SubscriptionRenewedEvent, Subscription, ISubscriptionRenewedHandler>(
            static () => new SubscriptionRenewedEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionPlanChangedEvent.EventType] = new WebhookEventDescriptor<SubscriptionPlanChangedEvent, Subscription, ISubscriptionPlanChangedHandler>(
            static () => new SubscriptionPlanChangedEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionCancelledEvent.EventType] = new WebhookEventDescriptor<SubscriptionCancelledEvent, Subscription, ISubscriptionCancelledHandler>(
            static () => new SubscriptionCancelledEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionFailedEvent.EventType] = new WebhookEventDescriptor<SubscriptionFailedEvent, Subscription, ISubscriptionFailedHandler>(
            static () => new SubscriptionFailedEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionExpiredEvent.EventType] = new WebhookEventDescriptor<SubscriptionExpiredEvent, Subscription, ISubscriptionExpiredHandler>(
            static () => new SubscriptionExpiredEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionUpdatedEvent.EventType] = new WebhookEventDescriptor<SubscriptionUpdatedEvent, Subscription, ISubscriptionUpdatedHandler>(
            static () => new SubscriptionUpdatedEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionPausedEvent.EventType] = new WebhookEventDescriptor<SubscriptionPausedEvent, Subscription, ISubscriptionPausedHandler>(
            static () => new SubscriptionPausedEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionUnpausedEvent.EventType] = new WebhookEventDescriptor<SubscriptionUnpausedEvent, Subscription, ISubscriptionUnpausedHandler>(
            static () => new SubscriptionUnpausedEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionUpdatePaymentMethodEvent.EventType] = new WebhookEventDescriptor<SubscriptionUpdatePaymentMethodEvent, Subscription, ISubscriptionUpdatePaymentMethodHandler>(
            static () => new SubscriptionUpdatePaymentMethodEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [SubscriptionPastDueEvent.EventType] = new WebhookEventDescriptor<SubscriptionPastDueEvent, Subscription, ISubscriptionPastDueHandler>(
            static () => new SubscriptionPastDueEvent(), WebhookJson.TypeInfo<Subscription>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [LicenseKeyCreatedEvent.EventType] = new WebhookEventDescriptor<LicenseKeyCreatedEvent, LicenseKey, ILicenseKeyCreatedHandler>(
            static () => new LicenseKeyCreatedEvent(), WebhookJson.TypeInfo<LicenseKey>(), static data => !string.IsNullOrEmpty(data.Id)),
        [AbandonedCheckoutDetectedEvent.EventType] = new WebhookEventDescriptor<AbandonedCheckoutDetectedEvent, AbandonedCheckout, IAbandonedCheckoutDetectedHandler>(
            static () => new AbandonedCheckoutDetectedEvent(), WebhookJson.TypeInfo<AbandonedCheckout>(), static data => !string.IsNullOrEmpty(data.PaymentId)),
        [AbandonedCheckoutRecoveredEvent.EventType] = new WebhookEventDescriptor<AbandonedCheckoutRecoveredEvent, AbandonedCheckout, IAbandonedCheckoutRecoveredHandler>(
            static () => new AbandonedCheckoutRecoveredEvent(), WebhookJson.TypeInfo<AbandonedCheckout>(), static data => !string.IsNullOrEmpty(data.PaymentId)),
        [DunningStartedEvent.EventType] = new WebhookEventDescriptor<DunningStartedEvent, DunningAttempt, IDunningStartedHandler>(
            static () => new DunningStartedEvent(), WebhookJson.TypeInfo<DunningAttempt>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [DunningRecoveredEvent.EventType] = new WebhookEventDescriptor<DunningRecoveredEvent, DunningAttempt, IDunningRecoveredHandler>(
            static () => new DunningRecoveredEvent(), WebhookJson.TypeInfo<DunningAttempt>(), static data => !string.IsNullOrEmpty(data.SubscriptionId)),
        [CreditAddedEvent.EventType] = new WebhookEventDescriptor<CreditAddedEvent, CreditLedgerEntry, ICreditAddedHandler>(
            static () => new CreditAddedEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditDeductedEvent.EventType] = new WebhookEventDescriptor<CreditDeductedEvent, CreditLedgerEntry, ICreditDeductedHandler>(
            static () => new CreditDeductedEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditExpiredEvent.EventType] = new WebhookEventDescriptor<CreditExpiredEvent, CreditLedgerEntry, ICreditExpiredHandler>(
            static () => new CreditExpiredEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditRolledOverEvent.EventType] = new WebhookEventDescriptor<CreditRolledOverEvent, CreditLedgerEntry, ICreditRolledOverHandler>(
            static () => new CreditRolledOverEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditRolloverForfeitedEvent.EventType] = new WebhookEventDescriptor<CreditRolloverForfeitedEvent, CreditLedgerEntry, ICreditRolloverForfeitedHandler>(
            static () => new CreditRolloverForfeitedEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditOverageChargedEvent.EventType] = new WebhookEventDescriptor<CreditOverageChargedEvent, CreditLedgerEntry, ICreditOverageChargedHandler>(
            static () => new CreditOverageChargedEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditOverageResetEvent.EventType] = new WebhookEventDescriptor<CreditOverageResetEvent, CreditLedgerEntry, ICreditOverageResetHandler>(
            static () => new CreditOverageResetEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditManualAdjustmentEvent.EventType] = new WebhookEventDescriptor<CreditManualAdjustmentEvent, CreditLedgerEntry, ICreditManualAdjustmentHandler>(
            static () => new CreditManualAdjustmentEvent(), WebhookJson.TypeInfo<CreditLedgerEntry>(), static data => !string.IsNullOrEmpty(data.Id)),
        [CreditBalanceLowEvent.EventType] = new WebhookEventDescriptor<CreditBalanceLowEvent, CreditBalanceLow, ICreditBalanceLowHandler>(
            static () => new CreditBalanceLowEvent(), WebhookJson.TypeInfo<CreditBalanceLow>(), static data => !string.IsNullOrEmpty(data.CreditEntitlementId)),
        [EntitlementGrantCreatedEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantCreatedEvent, EntitlementGrant, IEntitlementGrantCreatedHandler>(
            static () => new EntitlementGrantCreatedEvent(), WebhookJson.TypeInfo<EntitlementGrant>(), static data => !string.IsNullOrEmpty(data.Id)),
        [EntitlementGrantDeliveredEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantDeliveredEvent, EntitlementGrant, IEntitlementGrantDeliveredHandler>(
            static () => new EntitlementGrantDeliveredEvent(), WebhookJson.TypeInfo<EntitlementGrant>(), static data => !string.IsNullOrEmpty(data.Id)),
        [EntitlementGrantFailedEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantFailedEvent, EntitlementGrant, IEntitlementGrantFailedHandler>(
            static () => new EntitlementGrantFailedEvent(), WebhookJson.TypeInfo<EntitlementGrant>(), static data => !string.IsNullOrEmpty(data.Id)),
        [EntitlementGrantRevokedEvent.EventType] = new WebhookEventDescriptor<EntitlementGrantRevokedEvent, EntitlementGrant, IEntitlementGrantRevokedHandler>(
            static () => new EntitlementGrantRevokedEvent(), WebhookJson.TypeInfo<EntitlementGrant>(), static data => !string.IsNullOrEmpty(data.Id)),
        [PayoutCreatedEvent.EventType] = new WebhookEventDescriptor<PayoutCreatedEvent, Payout, IPayoutCreatedHandler>(
            static () => new PayoutCreatedEvent(), WebhookJson.TypeInfo<Payout>(), static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutOnHoldEvent.EventType] = new WebhookEventDescriptor<PayoutOnHoldEvent, Payout, IPayoutOnHoldHandler>(
            static () => new PayoutOnHoldEvent(), WebhookJson.TypeInfo<Payout>(), static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutInProgressEvent.EventType] = new WebhookEventDescriptor<PayoutInProgressEvent, Payout, IPayoutInProgressHandler>(
            static () => new PayoutInProgressEvent(), WebhookJson.TypeInfo<Payout>(), static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutFailedEvent.EventType] = new WebhookEventDescriptor<PayoutFailedEvent, Payout, IPayoutFailedHandler>(
            static () => new PayoutFailedEvent(), WebhookJson.TypeInfo<Payout>(), static data => !string.IsNullOrEmpty(data.PayoutId)),
        [PayoutSuccessEvent.EventType] = new WebhookEventDescriptor<PayoutSuccessEvent, Payout, IPayoutSuccessHandler>(
            static () => new PayoutSuccessEvent(), WebhookJson.TypeInfo<Payout>(), static data => !string.IsNullOrEmpty(data.PayoutId)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="type"/>: its own when known, <see cref="UnknownWebhookEventDescriptor"/> otherwise.</summary>
    public static WebhookEventDescriptor Find(string type) =>
        Descriptors.TryGetValue(type, out var descriptor) ? descriptor : UnknownWebhookEventDescriptor.Instance;
}
