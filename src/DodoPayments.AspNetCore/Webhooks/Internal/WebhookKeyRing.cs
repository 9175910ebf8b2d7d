namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// The decoded webhook keys (<see cref="DodoPaymentsOptions.WebhookKey"/> then <see cref="DodoPaymentsOptions.WebhookKeys"/>),
/// decoded again (and their HMAC state prepared again) only when the configured strings change, so a reload takes
/// effect without decoding or re-keying per request.
/// </summary>
internal sealed class WebhookKeyRing
{
    private volatile Snapshot? _snapshot;

    /// <summary>The keys for the options read for this request; malformed secrets are skipped.</summary>
    public WebhookKeySet GetKeys(DodoPaymentsOptions options)
    {
        var snapshot = _snapshot;
        if (snapshot is null || !snapshot.Matches(options))
        {
            snapshot = Snapshot.Create(options);
            _snapshot = snapshot;
        }

        return snapshot.Keys;
    }

    private sealed class Snapshot(string? key, string?[] keys, WebhookKeySet decoded)
    {
        public WebhookKeySet Keys { get; } = decoded;

        public static Snapshot Create(DodoPaymentsOptions options)
        {
            var configured = options.WebhookKeys?.ToArray() ?? [];
            var decoded = new List<byte[]>(configured.Length + 1);
            Add(options.WebhookKey);
            foreach (var secret in configured)
            {
                Add(secret);
            }

            return new Snapshot(options.WebhookKey, configured, new WebhookKeySet(decoded));

            void Add(string? secret)
            {
                if (WebhookSecret.TryDecode(secret, out var bytes) && !decoded.Exists(existing => existing.AsSpan().SequenceEqual(bytes)))
                {
                    decoded.Add(bytes);
                }
            }
        }

        public bool Matches(DodoPaymentsOptions options)
        {
            if (!string.Equals(options.WebhookKey, key, StringComparison.Ordinal))
            {
                return false;
            }

            var current = options.WebhookKeys;
            var count = current?.Count ?? 0;
            if (count != keys.Length)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                if (!string.Equals(current![i], keys[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
