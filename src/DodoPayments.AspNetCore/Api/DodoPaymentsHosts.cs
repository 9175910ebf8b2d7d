namespace DodoPayments.AspNetCore.Api;

/// <summary>The Dodo hosts of each environment, and the overrides of <see cref="DodoPaymentsOptions"/>.</summary>
internal static class DodoPaymentsHosts
{
    public static readonly Uri TestApi = new("https://test.dodopayments.com/");
    public static readonly Uri LiveApi = new("https://live.dodopayments.com/");
    public static readonly Uri TestCheckout = new("https://test.checkout.dodopayments.com/");
    public static readonly Uri LiveCheckout = new("https://checkout.dodopayments.com/");

    /// <summary>The API base address, ending with a slash so relative paths append to it.</summary>
    public static Uri ApiBase(DodoPaymentsOptions options) =>
        options.ApiBaseUrl is { Length: > 0 } custom
            ? WithTrailingSlash(custom)
            : options.Environment == DodoPaymentsEnvironment.TestMode ? TestApi : LiveApi;

    /// <summary>The static checkout base address, ending with a slash.</summary>
    public static Uri CheckoutBase(DodoPaymentsOptions options) =>
        options.CheckoutBaseUrl is { Length: > 0 } custom
            ? WithTrailingSlash(custom)
            : options.Environment == DodoPaymentsEnvironment.TestMode ? TestCheckout : LiveCheckout;

    private static Uri WithTrailingSlash(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
