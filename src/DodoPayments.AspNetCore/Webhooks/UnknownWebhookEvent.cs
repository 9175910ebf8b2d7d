using System.Text.Json;

namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// An event whose type the package does not know yet (Dodo adds types without notice). It is acknowledged and
/// reaches <c>IWebhookHandler&lt;UnknownWebhookEvent&gt;</c> and the catch-all <c>IWebhookHandler&lt;WebhookEvent&gt;</c>
/// handlers; <see cref="WebhookEvent{TData}.Data"/> is the raw JSON of <c>data</c>.
/// </summary>
public sealed class UnknownWebhookEvent : WebhookEvent<JsonElement>
{
}
