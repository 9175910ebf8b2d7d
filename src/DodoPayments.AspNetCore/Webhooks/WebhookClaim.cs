namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// The answer of <see cref="IWebhookIdempotencyStore.TryClaimAsync"/>: whether the caller holds the event and, when it
/// does, the owner token that fences every later call and the handlers that completed in an earlier attempt.
/// </summary>
public sealed class WebhookClaim
{
    private static readonly IReadOnlySet<string> NoHandlers = new HashSet<string>(StringComparer.Ordinal);

    private WebhookClaim(WebhookClaimResult result, string webhookId, Guid ownerToken, IReadOnlySet<string> completedHandlers)
    {
        Result = result;
        WebhookId = webhookId;
        OwnerToken = ownerToken;
        CompletedHandlers = completedHandlers;
    }

    /// <summary>Whether the caller holds the event, or it was processed, or another claim on it is live.</summary>
    public WebhookClaimResult Result { get; }

    /// <summary>The <c>webhook-id</c> claimed.</summary>
    public string WebhookId { get; }

    /// <summary>The token identifying this claim's owner; <see cref="Guid.Empty"/> unless <see cref="Result"/> is <see cref="WebhookClaimResult.Claimed"/>.</summary>
    public Guid OwnerToken { get; }

    /// <summary>The keys of the handlers that completed in an earlier attempt: they are not run again.</summary>
    public IReadOnlySet<string> CompletedHandlers { get; }

    /// <summary>
    /// The in-memory store's key of <see cref="WebhookId"/> (a digest of it), kept with the claim so the store's later
    /// calls on it do not digest the id again; zero when not computed.
    /// </summary>
    internal UInt128 StoreKey { get; set; }

    /// <summary>A claim the caller now holds.</summary>
    /// <param name="webhookId">The <c>webhook-id</c> claimed.</param>
    /// <param name="ownerToken">A token no other claim has (a new <see cref="Guid"/>).</param>
    /// <param name="completedHandlers">The handlers that completed in an earlier attempt; null or empty when none did.</param>
    /// <returns>The claim.</returns>
    public static WebhookClaim Claimed(string webhookId, Guid ownerToken, IReadOnlySet<string>? completedHandlers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        if (ownerToken == Guid.Empty)
        {
            throw new ArgumentException("A held claim needs an owner token.", nameof(ownerToken));
        }

        return new WebhookClaim(WebhookClaimResult.Claimed, webhookId, ownerToken, completedHandlers ?? NoHandlers);
    }

    /// <summary>The event was processed already: acknowledge it without running handlers.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <returns>The answer.</returns>
    public static WebhookClaim AlreadyProcessed(string webhookId) =>
        new(WebhookClaimResult.AlreadyProcessed, webhookId, Guid.Empty, NoHandlers);

    /// <summary>Another live claim holds the event right now.</summary>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <returns>The answer.</returns>
    public static WebhookClaim InProgress(string webhookId) =>
        new(WebhookClaimResult.InProgress, webhookId, Guid.Empty, NoHandlers);
}
