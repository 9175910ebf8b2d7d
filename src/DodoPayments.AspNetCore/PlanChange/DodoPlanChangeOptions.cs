namespace DodoPayments.AspNetCore.PlanChange;

/// <summary>Options of the plan change endpoints, under <c>DodoPayments:PlanChange</c>.</summary>
public sealed class DodoPlanChangeOptions
{
    /// <summary>
    /// The proration mode used when a request names none: <c>prorated_immediately</c> (the default),
    /// <c>full_immediately</c>, <c>difference_immediately</c> or <c>do_not_bill</c>.
    /// </summary>
    public string DefaultProrationBillingMode { get; set; } = "prorated_immediately";

    /// <summary>
    /// When not empty, the only products a subscription may be changed to (an app's plans), so a visitor cannot
    /// switch to an arbitrary product. Empty (the default) accepts any product.
    /// </summary>
    public IList<string> AllowedProductIds { get; set; } = [];
}
