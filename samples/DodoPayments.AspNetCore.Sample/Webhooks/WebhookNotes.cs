namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// What the typed handlers did with the current delivery (one instance per request scope), for the event log the
/// catch-all handler writes after them.
/// </summary>
internal sealed class WebhookNotes
{
    public string? Detail { get; set; }
}
