using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

/// <summary>Small helpers for the checkout tests: JSON bodies in, parsed answers out.</summary>
internal static class CheckoutHttp
{
    public const string SessionPath = "/api/checkout";
    public const string DynamicPath = "/api/checkout/dynamic";

    /// <summary>Starts a test app with both checkout maps at their default routes.</summary>
    public static Task<DodoTestApp> StartCheckoutAppAsync(DodoApiStandIn dodo, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        DodoTestApp.StartAsync(
            dodo,
            endpoints =>
            {
                endpoints.MapDodoCheckout();
                endpoints.MapDodoDynamicCheckout();
            },
            settings,
            services);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string contentType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(path, content);
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>The messages of a ValidationProblemDetails for one key, or an empty array.</summary>
    public static string[] Errors(this JsonNode problem, string key) =>
        problem["errors"]?[key]?.AsArray().Select(message => (string)message!).ToArray() ?? [];

    public static string[] ErrorKeys(this JsonNode problem) =>
        problem["errors"]?.AsObject().Select(pair => pair.Key).ToArray() ?? [];
}
