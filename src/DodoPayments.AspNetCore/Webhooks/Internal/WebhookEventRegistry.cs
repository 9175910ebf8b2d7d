using System.Collections.Frozen;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The known event types: for each, how to read its <c>data</c> (a source-generated <c>JsonTypeInfo</c>), what
/// identifies it (<see cref="WebhookPayloadIds"/>), and which handler interfaces receive it. Built once; a request only
/// looks its type up (<see cref="Find"/>, which answers the unknown-type descriptor for any other type).
/// </summary>
/// <remarks>
/// The list is the event classes of <c>Webhooks/Events/</c>: the catalogue generator
/// (<c>src/DodoPayments.AspNetCore.Generators</c>) writes <see cref="CreateDescriptors"/> and each handler interface
/// from them, so a new event class is registered by being written.
/// </remarks>
internal static partial class WebhookEventRegistry
{
    /// <summary>The descriptors keyed by event type (ordinal).</summary>
    public static FrozenDictionary<string, WebhookEventDescriptor> Descriptors { get; } = CreateDescriptors().ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="type"/>: its own when known, <see cref="UnknownWebhookEventDescriptor"/> otherwise.</summary>
    public static WebhookEventDescriptor Find(string type) =>
        Descriptors.TryGetValue(type, out var descriptor) ? descriptor : UnknownWebhookEventDescriptor.Instance;

    /// <summary>One descriptor per event class, keyed by its <c>EventType</c>; generated.</summary>
    private static partial Dictionary<string, WebhookEventDescriptor> CreateDescriptors();
}
