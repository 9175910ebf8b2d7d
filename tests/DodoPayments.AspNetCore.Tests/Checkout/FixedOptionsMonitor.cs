using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Tests.Checkout;

/// <summary>Hands out one <see cref="DodoPaymentsOptions"/> instance, which a test may change between calls.</summary>
internal sealed class FixedOptionsMonitor(DodoPaymentsOptions value) : IOptionsMonitor<DodoPaymentsOptions>
{
    public DodoPaymentsOptions CurrentValue => value;

    public DodoPaymentsOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<DodoPaymentsOptions, string?> listener) => null;
}
