namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Options of the webhook inbox, under <c>DodoPayments:Webhooks:Inbox</c>.</summary>
public sealed class DodoWebhookInboxOptions
{
    /// <summary>How many times the handlers of an event are tried, the first attempt included, before it is marked dead. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long after a failed first attempt the event is tried again; doubled after each failure, at most 1 hour. Default 5 seconds.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
