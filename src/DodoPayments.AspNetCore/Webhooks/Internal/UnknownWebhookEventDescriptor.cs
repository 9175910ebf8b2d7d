using System.Text.Json;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Every type the package does not know: read as <see cref="UnknownWebhookEvent"/> whatever its <c>data</c> (Dodo adds
/// types without notice; they are never refused), handled by <c>IWebhookHandler&lt;UnknownWebhookEvent&gt;</c>.
/// </summary>
internal sealed class UnknownWebhookEventDescriptor()
    : WebhookEventDescriptor([WebhookHandlerSource<IWebhookHandler<UnknownWebhookEvent>, UnknownWebhookEvent>.Instance])
{
    public static UnknownWebhookEventDescriptor Instance { get; } = new();

    public override Type HandlerType => typeof(IWebhookHandler<UnknownWebhookEvent>);

    public override WebhookEvent? Read(JsonElement data, out WebhookReadFailure failure)
    {
        failure = WebhookReadFailure.None;
        return new UnknownWebhookEvent { Data = data.ValueKind == JsonValueKind.Undefined ? default : data.Clone() };
    }
}
