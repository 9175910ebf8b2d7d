using System.Collections;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The keys a delivery may be signed with (current first, then older ones during a rotation), each with its keyed
/// HMAC state, and which key matched last: verification tries that one first, so while a rotation is under way the
/// deliveries signed with the newer key cost one HMAC, not one per configured key.
/// </summary>
internal sealed class WebhookKeySet : IReadOnlyList<WebhookSigningKey>
{
    private readonly WebhookSigningKey[] _keys;
    private int _lastMatched;

    public WebhookKeySet(IEnumerable<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys.Select(static key => new WebhookSigningKey(key))];
    }

    public int Count => _keys.Length;

    /// <summary>The index of the key that verified the last delivery; which key signs is not a secret.</summary>
    public int LastMatched
    {
        get => Volatile.Read(ref _lastMatched);
        set => Volatile.Write(ref _lastMatched, value);
    }

    public WebhookSigningKey this[int index] => _keys[index];

    public IEnumerator<WebhookSigningKey> GetEnumerator() => ((IEnumerable<WebhookSigningKey>)_keys).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
