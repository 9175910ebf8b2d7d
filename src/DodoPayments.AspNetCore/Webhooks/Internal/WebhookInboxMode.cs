namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>Registered by <c>UseWebhookInbox()</c>: verified deliveries go to the inbox instead of running handlers inline.</summary>
internal sealed class WebhookInboxMode;
