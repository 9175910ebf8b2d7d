namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>The outcome of <see cref="IWebhookIdempotencyStore.TryClaimAsync"/>.</summary>
public enum WebhookClaimResult
{
    /// <summary>The caller now holds the event and must run its handlers, then complete or release it.</summary>
    Claimed,

    /// <summary>The event was processed already: acknowledge it without running handlers.</summary>
    AlreadyProcessed,

    /// <summary>Another live claim holds the event right now.</summary>
    InProgress,
}
