using System.Diagnostics.CodeAnalysis;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore;

/// <summary>Maps the Dodo Payments webhook endpoint.</summary>
public static class DodoWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>, the endpoint Dodo Payments delivers webhooks to: it reads the raw body (bounded) and
    /// hands it to <see cref="Webhooks.DodoWebhookProcessor"/>, which verifies the Standard Webhooks signature over it
    /// with <c>DodoPayments:WebhookKey</c> (and <c>WebhookKeys</c>), reads the event and runs its handlers once per
    /// <c>webhook-id</c> (with <c>UseWebhookInbox()</c>: stores it for the background processor). Other methods answer 405.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="pattern">The route; <c>/api/webhook</c> by default.</param>
    /// <returns>A builder to add conventions to the endpoint (rate limiting, tags, host filtering).</returns>
    /// <remarks>
    /// The endpoint is anonymous by design (the signature authenticates Dodo) and excluded from API descriptions.
    /// Answers: 200 processed, processed before, or stored in the inbox; 401 signature; 413 too large; 400 not a JSON
    /// object with a string <c>type</c>, data that cannot be read, or a <c>webhook-id</c> over 256 characters; 409 the
    /// same id is being processed; 500 a handler threw (the retry runs the handlers that did not complete). A caller
    /// that hangs up does not cancel the handlers.
    /// </remarks>
    /// <exception cref="InvalidOperationException"><c>AddDodoPayments</c> was not called.</exception>
    /// <example>
    /// <code>
    /// builder.Services.AddDodoPayments().AddWebhookHandler&lt;FulfilOrder&gt;();
    /// var app = builder.Build();
    /// app.MapDodoWebhooks();                     // POST /api/webhook
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapDodoWebhooks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/api/webhook")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        endpoints.MarkDodoFeatureMapped(DodoPaymentsFeatures.Webhooks, nameof(MapDodoWebhooks));

        RequestDelegate handler = static context => context.RequestServices.GetRequiredService<DodoWebhookEndpoint>().HandleAsync(context);
        return endpoints.MapPost(pattern, handler)
            .WithDisplayName("Dodo Payments webhook")
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
