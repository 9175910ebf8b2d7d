using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DodoPayments.AspNetCore;

/// <summary>Turns on the durable webhook inbox on the builder <c>AddDodoPayments</c> returns.</summary>
public static class DodoWebhookInboxBuilderExtensions
{
    /// <summary>
    /// Answers Dodo as soon as a verified event is stored, and runs its handlers in the background: the webhook
    /// endpoint verifies the delivery, reads the event, stores it in the durable inbox (<see cref="IWebhookInboxStore"/>)
    /// and answers 200 (a <c>webhook-id</c> already in the inbox, in any state, answers 200 and adds nothing). A hosted
    /// processor then runs the handlers, each in its own DI scope, retrying failures with exponential backoff
    /// (<c>DodoPayments:Webhooks:Inbox:FirstRetryDelay</c>, 5 s, doubled each time, at most 1 h) up to
    /// <c>DodoPayments:Webhooks:Inbox:MaxAttempts</c> (10) attempts, after which the event is dead; handlers that
    /// completed are not run again. Several instances share the work through the store's atomic claim. Registers
    /// <see cref="IDodoWebhookInbox"/> (scoped) to find, list and replay events.
    /// </summary>
    /// <param name="builder">The builder <c>AddDodoPayments</c> returned.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The app refuses to start (an <see cref="InvalidOperationException"/> at start-up) without a durable store: when no
    /// <see cref="IWebhookInboxStore"/> is registered, or the idempotency store is the in-memory one.
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddDbContext&lt;ShopDb&gt;(o =&gt; o.UseNpgsql(connectionString));
    /// builder.Services.AddDodoPayments()
    ///     .AddWebhookHandler&lt;FulfilOrder&gt;()
    ///     .AddEntityFrameworkWebhookStore&lt;ShopDb&gt;()
    ///     .UseWebhookInbox();
    /// </code>
    /// </example>
    public static IDodoPaymentsBuilder UseWebhookInbox(this IDodoPaymentsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<WebhookInboxMode>();
        services.TryAddScoped<IDodoWebhookInbox, DodoWebhookInbox>();
        services.AddHostedService<WebhookInboxWorker>();
        return builder;
    }
}
