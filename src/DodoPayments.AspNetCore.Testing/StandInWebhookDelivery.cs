namespace DodoPayments.AspNetCore.Testing;

/// <summary>One attempt of the <see cref="DodoApiStandIn"/> to deliver a webhook.</summary>
/// <param name="WebhookId">The <c>webhook-id</c>, the same for every attempt of one event.</param>
/// <param name="Type">The event type, such as <c>payment.succeeded</c>.</param>
/// <param name="Attempt">1 for the first delivery, 2 for the first retry, and so on.</param>
/// <param name="StatusCode">The app's answer, or null when it could not be reached.</param>
/// <param name="Succeeded">Whether the app answered 2xx.</param>
public sealed record StandInWebhookDelivery(string WebhookId, string Type, int Attempt, int? StatusCode, bool Succeeded);
