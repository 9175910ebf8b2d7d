namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// Handles verified webhook events of type <typeparamref name="TEvent"/>. Implement the interface of an event type
/// (<see cref="IPaymentSucceededHandler"/> …), or <c>IWebhookHandler&lt;WebhookEvent&gt;</c> to receive every event.
/// </summary>
/// <typeparam name="TEvent">The event handled.</typeparam>
/// <remarks>
/// Handlers are resolved from the request's scope. A handler that throws makes the delivery answer 500 and not be
/// recorded as processed, so Dodo's retry runs the event's handlers again: keep side effects idempotent.
/// </remarks>
public interface IWebhookHandler<in TEvent>
    where TEvent : WebhookEvent
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The verified event.</param>
    /// <param name="cancellationToken">Cancelled when the caller (Dodo) gives up on the request.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken);
}
