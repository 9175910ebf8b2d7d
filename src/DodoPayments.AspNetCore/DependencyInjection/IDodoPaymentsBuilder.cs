using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore;

/// <summary>Returned by <c>AddDodoPayments</c>, to register webhook handlers and configure the API client further.</summary>
public interface IDodoPaymentsBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The builder of the <see cref="HttpClient"/> the API client uses (named <see cref="DodoPaymentsOptions.HttpClientName"/>),
    /// to add logging or a handler. Keep retries to safe methods: a retried <c>POST</c> can charge a customer twice.
    /// </summary>
    IHttpClientBuilder HttpClient { get; }
}
