namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>A verified event as the inbox stores it: enough to read and dispatch it again later, in any instance.</summary>
/// <param name="WebhookId">The <c>webhook-id</c> header.</param>
/// <param name="Type">The envelope's <c>type</c>.</param>
/// <param name="Body">The raw body, exactly as received and verified.</param>
/// <param name="Timestamp">The verified <c>webhook-timestamp</c>.</param>
/// <param name="ReceivedAt">When this instance received it.</param>
public sealed record WebhookInboxMessage(string WebhookId, string Type, ReadOnlyMemory<byte> Body, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt);
