namespace DodoPayments.AspNetCore.Sample.Webhooks;

/// <summary>
/// Development aid: makes the next payment or subscription webhook fail once (500), so the sender's retry with the same
/// <c>webhook-id</c> shows on the orders page: the failed attempt is logged, the retry updates the order, and a
/// delivery repeated after success is answered 200 without running the handlers again.
/// </summary>
internal sealed class WebhookFaults
{
    private int _failNext;

    /// <summary>Arms one failure.</summary>
    public void FailNext() => Interlocked.Exchange(ref _failNext, 1);

    /// <summary>True once after <see cref="FailNext"/>.</summary>
    public bool TryConsume() => Interlocked.Exchange(ref _failNext, 0) == 1;
}
