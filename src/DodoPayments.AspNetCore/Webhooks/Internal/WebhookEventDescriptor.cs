using System.Text.Json;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// How one event type is read and which handlers receive it; see <see cref="WebhookEventRegistry"/>. Every event has
/// one, unknown types included (<see cref="UnknownWebhookEventDescriptor"/>), so dispatch has a single path.
/// </summary>
internal abstract class WebhookEventDescriptor(WebhookHandlerSource[] handlerSources)
{
    /// <summary>The catch-all handlers, <c>IWebhookHandler&lt;WebhookEvent&gt;</c>: they receive every event, after its own handlers.</summary>
    public static WebhookHandlerSource CatchAll { get; } = WebhookHandlerSource<IWebhookHandler<WebhookEvent>, WebhookEvent>.Instance;

    /// <summary>The handler interface of the type, e.g. <see cref="IPaymentSucceededHandler"/>.</summary>
    public abstract Type HandlerType { get; }

    /// <summary>Where the event's own handlers come from, in the order they run (the catch-all ones follow).</summary>
    public WebhookHandlerSource[] HandlerSources { get; } = handlerSources;

    /// <summary>Reads <paramref name="data"/> (<see cref="JsonValueKind.Undefined"/> when the envelope has none) into the event.</summary>
    /// <param name="data">The envelope's <c>data</c>.</param>
    /// <param name="failure">Why the event could not be read; <see cref="WebhookReadFailure.None"/> when it was.</param>
    /// <returns>The event, without its envelope yet; null when it could not be read.</returns>
    public abstract WebhookEvent? Read(JsonElement data, out WebhookReadFailure failure);

    /// <summary>
    /// Reads <c>data</c> where <paramref name="reader"/> stands (on its <see cref="JsonTokenType.StartObject"/>), leaving
    /// the reader on its end: the one-pass read of a usual delivery. Null when this type does not read that way or the
    /// data is not a readable event (the caller then reads the whole body again with <see cref="Read"/>, which says why).
    /// </summary>
    /// <exception cref="JsonException">The JSON is not valid.</exception>
    public virtual WebhookEvent? TryRead(ref Utf8JsonReader reader) => null;
}
