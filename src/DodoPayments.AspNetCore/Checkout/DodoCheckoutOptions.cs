namespace DodoPayments.AspNetCore.Checkout;

/// <summary>Options of the checkout endpoints, under <c>DodoPayments:Checkout</c>.</summary>
public sealed class DodoCheckoutOptions
{
    /// <summary>How long a product found by the static checkout's existence check is remembered. Default 5 minutes.</summary>
    public TimeSpan ProductCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a product the API did not find is remembered as missing. Default 30 seconds.</summary>
    public TimeSpan MissingProductCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When not empty, the only product ids the checkout endpoints accept; any other answers 400.
    /// Empty (the default) accepts every product of the business.
    /// </summary>
    public IList<string> AllowedProductIds { get; set; } = [];

    /// <summary>
    /// Whether a checkout session body may carry fields this package does not model, forwarded to Dodo as they are.
    /// Off by default: Dodo adds fields often, and a new one could change what the customer pays, so a browser may not
    /// send one unless the app opts in here (the app's hook can always set any field server-side).
    /// </summary>
    public bool ForwardUnknownFields { get; set; }
}
