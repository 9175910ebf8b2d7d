namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>What became of one delivery given to <see cref="DodoWebhookProcessor"/>.</summary>
/// <remarks>The webhook endpoint answers 200 for <see cref="Processed"/>, <see cref="Duplicate"/> and <see cref="Accepted"/>, 409 for <see cref="InProgress"/>, 401 for <see cref="Rejected"/>, 400 for <see cref="Invalid"/> and 500 for <see cref="Failed"/>.</remarks>
public enum DodoWebhookOutcomeKind
{
    /// <summary>Every handler of the event completed (or had completed in an earlier attempt) and the event is recorded as processed.</summary>
    Processed,

    /// <summary>The <c>webhook-id</c> was processed before, or is in the inbox already: nothing ran, nothing was added.</summary>
    Duplicate,

    /// <summary>Inbox mode: the verified event was stored in the inbox; the background processor runs its handlers.</summary>
    Accepted,

    /// <summary>
    /// Another delivery (or instance) holds the <c>webhook-id</c> right now, or this one lost its claim while its handlers
    /// ran (<see cref="DodoWebhookOutcome.Reason"/> <c>ClaimLost</c>): try again later.
    /// </summary>
    InProgress,

    /// <summary>The delivery is not authentic: a signature header is missing, no signature matches, or the timestamp is out of tolerance.</summary>
    Rejected,

    /// <summary>Authentic but unusable: not a JSON object with a string <c>type</c>, a known type whose data cannot be read, or a <c>webhook-id</c> longer than 256 characters.</summary>
    Invalid,

    /// <summary>A handler threw (or was cancelled), or the store failed: the event is not recorded as processed, so a redelivery runs the handlers that did not complete.</summary>
    Failed,
}
