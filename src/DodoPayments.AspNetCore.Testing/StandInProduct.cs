namespace DodoPayments.AspNetCore.Testing;

/// <summary>A product the <see cref="DodoApiStandIn"/> knows.</summary>
public sealed class StandInProduct
{
    /// <summary>The product id, such as <c>pdt_pro_monthly</c>.</summary>
    public required string ProductId { get; init; }

    /// <summary>The name shown on the simulated checkout page.</summary>
    public string Name { get; init; } = "Product";

    /// <summary>The price in the currency's smallest unit.</summary>
    public long Price { get; init; } = 1000;

    /// <summary>ISO 4217 currency code.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>True for a subscription product.</summary>
    public bool IsRecurring { get; init; }

    /// <summary>For subscriptions: <c>Day</c>, <c>Week</c>, <c>Month</c> or <c>Year</c>.</summary>
    public string PaymentFrequencyInterval { get; init; } = "Month";
}
