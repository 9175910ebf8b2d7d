namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>The endpoints an app has mapped; what the configuration must provide depends on them.</summary>
[Flags]
internal enum DodoPaymentsFeatures
{
    None = 0,
    Checkout = 1,
    DynamicCheckout = 2,
    CustomerPortal = 4,
    PlanChange = 8,
    Webhooks = 16,

    /// <summary>
    /// Any other endpoint that calls the Dodo API: a feature whose endpoints need an API key and no start-up check of
    /// their own maps with this, so a new feature needs no flag.
    /// </summary>
    ApiEndpoint = 32,

    /// <summary>The endpoints that call the Dodo API, and so need an API key.</summary>
    CallsApi = Checkout | DynamicCheckout | CustomerPortal | PlanChange | ApiEndpoint,
}
