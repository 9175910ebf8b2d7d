using System.Collections;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>The logging scope of one delivery: <c>WebhookId</c> and <c>WebhookType</c>.</summary>
internal sealed class WebhookLogScope(string webhookId, string webhookType) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("WebhookId", webhookId),
        1 => new("WebhookType", webhookType),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"WebhookId:{webhookId} WebhookType:{webhookType}";
}
