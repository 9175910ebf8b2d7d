using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.DependencyInjection;

internal sealed class DodoPaymentsBuilder(IServiceCollection services, IHttpClientBuilder httpClient) : IDodoPaymentsBuilder
{
    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClient { get; } = httpClient;
}
