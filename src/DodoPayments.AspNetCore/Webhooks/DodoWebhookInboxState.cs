namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Where an inbox event is.</summary>
public enum DodoWebhookInboxState
{
    /// <summary>Waiting for its (next) attempt, or its handlers are running.</summary>
    Pending,

    /// <summary>Every handler completed.</summary>
    Processed,

    /// <summary>Failed <c>DodoPayments:Webhooks:Inbox:MaxAttempts</c> times; replay it once the cause is fixed.</summary>
    Dead,
}
