using System.Collections.Concurrent;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>One handler of an event: where to resolve it again (its service type and position) and its stable key.</summary>
/// <param name="Source">The service type it is registered as.</param>
/// <param name="Index">Its position among the registrations of <paramref name="Source"/>.</param>
/// <param name="Key">
/// Its name in the idempotency store, the same in every process: <c>{implementation type}:{event type}</c> for the
/// event's own handlers, <c>{implementation type}:*</c> for catch-all ones, with <c>#2</c>, <c>#3</c> … appended when
/// one type is registered more than once.
/// </param>
internal readonly record struct WebhookHandlerSlot(WebhookHandlerSource Source, int Index, string Key)
{
    /// <summary>Resolves this handler in <paramref name="services"/> (the handler's own scope).</summary>
    public object Resolve(IServiceProvider services)
    {
        var position = 0;
        foreach (var handler in Source.Resolve(services))
        {
            if (position++ == Index)
            {
                return handler;
            }
        }

        throw new InvalidOperationException($"The webhook handler {Key} is no longer registered.");
    }
}

/// <summary>
/// Finds the handlers of an event once, so each can then run in its own DI scope: the event's own handlers (its
/// interface, then <c>IWebhookHandler&lt;TEvent&gt;</c>, each instance once), then the catch-all ones (each instance once).
/// </summary>
internal static class WebhookHandlerPlan
{
    private const string CatchAllScope = "*";

    private static readonly ConcurrentDictionary<(Type Handler, string Scope), string> Keys = new();

    /// <summary>The handlers of <paramref name="webhookEvent"/>, resolved from <paramref name="services"/> to learn them.</summary>
    public static List<WebhookHandlerSlot> Discover(WebhookEventDescriptor descriptor, WebhookEvent webhookEvent, IServiceProvider services)
    {
        var slots = new List<WebhookHandlerSlot>();
        var seen = new List<object>();
        foreach (var source in descriptor.HandlerSources)
        {
            Add(slots, seen, source, services, webhookEvent.Type);
        }

        seen.Clear();
        Add(slots, seen, WebhookEventDescriptor.CatchAll, services, CatchAllScope);
        return slots;
    }

    /// <summary>The key of a handler of <paramref name="handlerType"/> in <paramref name="scope"/>; computed once per pair.</summary>
    public static string KeyOf(Type handlerType, string scope) =>
        Keys.GetOrAdd((handlerType, scope), static pair => $"{pair.Handler}:{pair.Scope}");

    private static void Add(List<WebhookHandlerSlot> slots, List<object> seen, WebhookHandlerSource source, IServiceProvider services, string scope)
    {
        var index = 0;
        foreach (var handler in source.Resolve(services))
        {
            var position = index++;
            if (handler is null || ContainsInstance(seen, handler))
            {
                continue;
            }

            seen.Add(handler);
            var key = KeyOf(handler.GetType(), scope);
            if (ContainsKey(slots, key))
            {
                var occurrence = 2;
                while (ContainsKey(slots, $"{key}#{occurrence}"))
                {
                    occurrence++;
                }

                key = $"{key}#{occurrence}";
            }

            slots.Add(new WebhookHandlerSlot(source, position, key));
        }
    }

    private static bool ContainsInstance(List<object> seen, object handler)
    {
        foreach (var existing in seen)
        {
            if (ReferenceEquals(existing, handler))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsKey(List<WebhookHandlerSlot> slots, string key)
    {
        foreach (var slot in slots)
        {
            if (string.Equals(slot.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
