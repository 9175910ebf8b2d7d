using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Runs handlers one after the other: first those of the event (its own interface, then <c>IWebhookHandler&lt;TEvent&gt;</c>,
/// each instance once), then the catch-all <c>IWebhookHandler&lt;WebhookEvent&gt;</c> ones. The first exception stops the run.
/// </summary>
internal static class WebhookDispatcher
{
    public static async Task<int> DispatchAsync<TEvent>(
        TEvent webhookEvent,
        IEnumerable<IWebhookHandler<TEvent>> specific,
        IEnumerable<IWebhookHandler<TEvent>> general,
        IServiceProvider services,
        CancellationToken cancellationToken)
        where TEvent : WebhookEvent
    {
        var handlers = new List<IWebhookHandler<TEvent>>();
        AddDistinct(handlers, specific);
        AddDistinct(handlers, general);
        var catchAll = new List<IWebhookHandler<WebhookEvent>>();
        AddDistinct(catchAll, services.GetServices<IWebhookHandler<WebhookEvent>>());

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
        }

        foreach (var handler in catchAll)
        {
            await handler.HandleAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
        }

        return handlers.Count + catchAll.Count;
    }

    private static void AddDistinct<T>(List<T> list, IEnumerable<T> candidates)
        where T : class
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null && !list.Exists(existing => ReferenceEquals(existing, candidate)))
            {
                list.Add(candidate);
            }
        }
    }
}
