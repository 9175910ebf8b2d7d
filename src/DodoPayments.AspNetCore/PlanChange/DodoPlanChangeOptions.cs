namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>Options of the plan change endpoints, under <c>DodoPayments:PlanChange</c>.</summary>
public sealed class DodoPlanChangeOptions
{
    /// <summary>
    /// How a plan change is billed: <c>prorated_immediately</c> (the default), <c>full_immediately</c>,
    /// <c>difference_immediately</c> or <c>do_not_bill</c>. The app decides this (here or in its
    /// <see cref="IDodoPlanChangeHook"/>), never the browser: a body carrying <c>proration_billing_mode</c> is refused.
    /// </summary>
    public string ProrationBillingMode { get; set; } = "prorated_immediately";

    /// <summary>
    /// What Dodo does when the plan change's payment fails: <c>prevent_change</c> or <c>apply_change</c>; unset (the
    /// default) leaves it to Dodo. The app decides this (here or in its <see cref="IDodoPlanChangeHook"/>), never the
    /// browser: a body carrying <c>on_payment_failure</c> is refused.
    /// </summary>
    public string? OnPaymentFailure { get; set; }

    /// <summary>
    /// When not empty, the only products a subscription may be changed to (an app's plans), so a visitor cannot
    /// switch to an arbitrary product. Empty (the default) accepts any product.
    /// </summary>
    public IList<string> AllowedProductIds { get; set; } = [];
}
