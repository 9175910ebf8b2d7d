namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The <c>dunning.recovered</c> event: dunning recovered a failed renewal. Handled by <see cref="IDunningRecoveredHandler"/>.</summary>
public sealed class DunningRecoveredEvent : WebhookEvent<DunningAttempt>
{
    /// <summary>The event type on the wire: <c>dunning.recovered</c>.</summary>
    public const string EventType = "dunning.recovered";
}
