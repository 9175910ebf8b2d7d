namespace DodoPayments.AspNetCore.TestSupport;

/// <summary>
/// An <see cref="IDodoPaymentsApiClient"/> that implements no call: each one throws <see cref="NotSupportedException"/>,
/// the interface's default. A test double that expects calls implements the interface itself, with only those calls.
/// </summary>
internal sealed class UnsupportedDodoApiClient : IDodoPaymentsApiClient;
