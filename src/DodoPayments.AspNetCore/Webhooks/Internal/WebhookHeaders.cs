namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>The Standard Webhooks headers Dodo sends.</summary>
internal static class WebhookHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";
}
