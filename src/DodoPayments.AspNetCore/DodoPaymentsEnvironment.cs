namespace DodoPayments.AspNetCore;

/// <summary>
/// The Dodo Payments environment an app talks to. It picks the API host and the static checkout host.
/// </summary>
/// <remarks>
/// In configuration the values are written <c>test_mode</c> or <c>live_mode</c> (as in Dodo's SDKs), or
/// <c>TestMode</c> / <c>LiveMode</c>; case does not matter.
/// </remarks>
public enum DodoPaymentsEnvironment
{
    /// <summary>Live mode: real money, <c>https://live.dodopayments.com</c>. The default, as in the official SDKs.</summary>
    LiveMode = 0,

    /// <summary>Test mode: test cards and sandbox data, <c>https://test.dodopayments.com</c>.</summary>
    TestMode = 1,
}
