namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// Handles verified webhook events of type <typeparamref name="TEvent"/>. Implement the interface of an event type
/// (<see cref="IPaymentSucceededHandler"/> …), or <c>IWebhookHandler&lt;WebhookEvent&gt;</c> to receive every event.
/// </summary>
/// <typeparam name="TEvent">The event handled.</typeparam>
/// <remarks>
/// Each handler of an event runs in a DI scope of its own (so a <c>DbContext</c> it uses is its own, and a durable
/// store commits its changes together with its completion). A handler that throws makes the delivery answer 500 (in
/// inbox mode: the inbox retries it) and the event is not recorded as processed; the next delivery runs the handlers
/// that did not complete, not those that did. Keep side effects idempotent all the same.
/// </remarks>
public interface IWebhookHandler<in TEvent>
    where TEvent : WebhookEvent
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="cancellationToken">
    /// Cancelled when the app stops or <c>DodoPayments:Webhooks:HandlerTimeout</c> (5 min) passes, or when the claim on
    /// the event was lost to another instance; never because Dodo hung up (it gives up waiting after 15 s).
    /// </param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken);
}
