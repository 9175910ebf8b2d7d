namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dunning.started</c> event: dunning (recovery of a failed renewal) started. Handled by <see cref="IDunningStartedHandler"/>.</summary>
public sealed class DunningStartedEvent : WebhookEvent<DunningAttempt>
{
    /// <summary>The event type on the wire: <c>dunning.started</c>.</summary>
    public const string EventType = "dunning.started";
}
