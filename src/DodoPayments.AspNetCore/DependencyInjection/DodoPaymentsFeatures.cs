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

    /// <summary>The endpoints that call the Dodo API, and so need an API key.</summary>
    CallsApi = Checkout | DynamicCheckout | CustomerPortal | PlanChange,
}
