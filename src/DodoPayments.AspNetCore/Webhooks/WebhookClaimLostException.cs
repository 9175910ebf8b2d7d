namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>
/// Thrown when an instance acts on a claim it no longer holds: its lease expired and another claim took the event, or
/// the event completed meanwhile. Nothing the stale instance tried to record was committed.
/// </summary>
public sealed class WebhookClaimLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookClaimLostException()
        : base("The webhook claim was lost: another claim holds the event now.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public WebhookClaimLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public WebhookClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
