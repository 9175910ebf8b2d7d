using System.Security.Cryptography;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// One decoded webhook key with its keyed HMAC-SHA256 state prepared once: a small lock-free pool of
/// <see cref="IncrementalHash"/> instances created with the key, so a verification appends data and reads the hash
/// (which resets to the keyed state) instead of re-keying, and allocates nothing once the pool is warm.
/// </summary>
internal sealed class WebhookSigningKey
{
    /// <summary>The length of an HMAC-SHA256.</summary>
    public const int HashLength = 32;

    private readonly byte[] _key;
    private readonly IncrementalHash?[] _pool = new IncrementalHash?[Math.Max(2, Environment.ProcessorCount)];

    public WebhookSigningKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <summary>The key bytes.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>Writes HMAC-SHA256(key, <paramref name="prefix"/> ‖ <paramref name="body"/>) to <paramref name="destination"/>.</summary>
    public void Sign(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var hash = Rent();
        hash.AppendData(prefix);
        hash.AppendData(body);
        // Reading the hash resets the instance to its keyed state, ready for the next caller.
        hash.TryGetHashAndReset(destination, out _);
        Return(hash);
    }

    private IncrementalHash Rent()
    {
        var pool = _pool;
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.Exchange(ref pool[(start + i) % pool.Length], null) is { } hash)
            {
                return hash;
            }
        }

        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }

    private void Return(IncrementalHash hash)
    {
        var pool = _pool;
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[(start + i) % pool.Length], hash, null) is null)
            {
                return;
            }
        }

        hash.Dispose();
    }
}
