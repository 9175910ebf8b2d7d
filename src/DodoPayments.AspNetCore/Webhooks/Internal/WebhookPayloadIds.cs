namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The id that identifies each payload model: a known event whose <c>data</c> lacks it is refused with 400
/// (<see cref="WebhookReadFailure.DataWithoutId"/>). One line per model, whatever the number of event types carrying
/// it; the generated registry picks the overload of each event's <c>TData</c>, so a new model without its line does
/// not compile.
/// </summary>
internal static class WebhookPayloadIds
{
    public static string IdOf(Payment data) => data.PaymentId;

    public static string IdOf(Refund data) => data.RefundId;

    public static string IdOf(Dispute data) => data.DisputeId;

    public static string IdOf(Subscription data) => data.SubscriptionId;

    public static string IdOf(LicenseKey data) => data.Id;

    public static string IdOf(AbandonedCheckout data) => data.PaymentId;

    public static string IdOf(DunningAttempt data) => data.SubscriptionId;

    public static string IdOf(CreditLedgerEntry data) => data.Id;

    public static string IdOf(CreditBalanceLow data) => data.CreditEntitlementId;

    public static string IdOf(EntitlementGrant data) => data.Id;

    public static string IdOf(Payout data) => data.PayoutId;
}
