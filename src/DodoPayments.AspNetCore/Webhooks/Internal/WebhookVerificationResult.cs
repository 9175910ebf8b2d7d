namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>The outcome of <c>WebhookSignatureVerifier.Verify</c>: only <see cref="Verified"/> lets a delivery in.</summary>
internal enum WebhookVerificationResult
{
    /// <summary>A <c>v1</c> signature matched one of the keys and the timestamp is within tolerance.</summary>
    Verified,

    /// <summary>The <c>webhook-id</c> header is missing or empty.</summary>
    MissingId,

    /// <summary>The <c>webhook-timestamp</c> header is missing or empty.</summary>
    MissingTimestamp,

    /// <summary>The <c>webhook-signature</c> header is missing or empty.</summary>
    MissingSignature,

    /// <summary>The <c>webhook-timestamp</c> header is not a whole number of Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the tolerance (a replay, or a clock far behind).</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further ahead than the tolerance.</summary>
    TimestampTooNew,

    /// <summary>No webhook key is configured (or none decodes).</summary>
    NoKeys,

    /// <summary>No <c>v1</c> signature of the header matches any key.</summary>
    NoMatchingSignature,
}
