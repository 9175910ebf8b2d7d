namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A pending inbox event claimed by <see cref="IWebhookInboxStore.ClaimNextAsync"/>.</summary>
/// <param name="Claim">The held claim, with the handlers that completed in earlier attempts.</param>
/// <param name="Message">The stored event.</param>
/// <param name="Attempt">Which attempt this is, the first being 1.</param>
public sealed record WebhookInboxLease(WebhookClaim Claim, WebhookInboxMessage Message, int Attempt);
