using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Standard Webhooks verification: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with each key,
/// compared in constant time with every <c>v1,</c> entry of <c>webhook-signature</c>; other versions and entries
/// without a comma are skipped. No exceptions for bad input, no allocation: each key's HMAC state is prepared once
/// (<see cref="WebhookSigningKey"/>), and the body is hashed where it lies, after the <c>{id}.{timestamp}.</c> prefix.
/// </summary>
internal static class WebhookSignatureVerifier
{
    /// <summary>A <c>{id}.{timestamp}.</c> prefix up to this size is built on the stack; a longer one in a pooled buffer.</summary>
    private const int StackPrefixLimit = 512;

    /// <summary>Base64 of 32 bytes is 44 characters; longer entries cannot be a signature.</summary>
    private const int MaxSignatureChars = 64;

    /// <summary>The last second <see cref="DateTimeOffset"/> can hold (9999-12-31); a larger timestamp is not one.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Verifies one delivery (for callers that do not need the parsed timestamp).</summary>
    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, string, string, string, WebhookKeySet, DateTimeOffset, TimeSpan, out DateTimeOffset)" path="/param"/>
    /// <returns><see cref="WebhookVerificationResult.Verified"/>, or why not.</returns>
    public static WebhookVerificationResult Verify(
        ReadOnlySpan<byte> body,
        string? webhookId,
        string? webhookTimestamp,
        string? webhookSignature,
        WebhookKeySet keys,
        DateTimeOffset now,
        TimeSpan tolerance) =>
        Verify(body, webhookId, webhookTimestamp, webhookSignature, keys, now, tolerance, out _);

    /// <summary>Verifies one delivery and returns the timestamp it parsed, so the caller does not parse it again.</summary>
    /// <param name="body">The exact bytes received.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header (Unix seconds).</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>version,base64</c> entries.</param>
    /// <param name="keys">The decoded keys (current and, during a rotation, older ones).</param>
    /// <param name="now">The current time.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way, boundary included.</param>
    /// <param name="timestamp">The parsed <c>webhook-timestamp</c>; meaningful only when verified.</param>
    /// <returns><see cref="WebhookVerificationResult.Verified"/>, or why not.</returns>
    public static WebhookVerificationResult Verify(
        ReadOnlySpan<byte> body,
        string? webhookId,
        string? webhookTimestamp,
        string? webhookSignature,
        WebhookKeySet keys,
        DateTimeOffset now,
        TimeSpan tolerance,
        out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(webhookId))
        {
            return WebhookVerificationResult.MissingId;
        }

        if (string.IsNullOrWhiteSpace(webhookTimestamp))
        {
            return WebhookVerificationResult.MissingTimestamp;
        }

        if (string.IsNullOrWhiteSpace(webhookSignature))
        {
            return WebhookVerificationResult.MissingSignature;
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > MaxUnixSeconds)
        {
            return WebhookVerificationResult.InvalidTimestamp;
        }

        var toleranceSeconds = (long)tolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - seconds;
        if (age > toleranceSeconds)
        {
            return WebhookVerificationResult.TimestampTooOld;
        }

        if (age < -toleranceSeconds)
        {
            return WebhookVerificationResult.TimestampTooNew;
        }

        if (keys.Count == 0)
        {
            return WebhookVerificationResult.NoKeys;
        }

        var prefixLength = Encoding.UTF8.GetByteCount(webhookId) + 1 + webhookTimestamp.Length + 1;
        byte[]? rented = null;
        var prefix = prefixLength <= StackPrefixLimit
            ? stackalloc byte[StackPrefixLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(prefixLength));
        try
        {
            prefix = prefix[..prefixLength];
            var written = Encoding.UTF8.GetBytes(webhookId, prefix);
            prefix[written++] = (byte)'.';
            // The timestamp parsed as digits only, so it is ASCII: one byte per char.
            written += Encoding.ASCII.GetBytes(webhookTimestamp, prefix[written..]);
            prefix[written] = (byte)'.';

            Span<byte> expected = stackalloc byte[WebhookSigningKey.HashLength];
            Span<byte> received = stackalloc byte[48];
            // The key that matched last goes first: during a rotation, deliveries signed with the newer key then cost one HMAC.
            var first = keys.LastMatched;
            if ((uint)first >= (uint)keys.Count)
            {
                first = 0;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                var index = (first + i) % keys.Count;
                keys[index].Sign(prefix, body, expected);
                if (AnySignatureMatches(webhookSignature, expected, received))
                {
                    if (index != first)
                    {
                        keys.LastMatched = index;
                    }

                    timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    return WebhookVerificationResult.Verified;
                }
            }

            return WebhookVerificationResult.NoMatchingSignature;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool AnySignatureMatches(ReadOnlySpan<char> header, ReadOnlySpan<byte> expected, Span<byte> scratch)
    {
        while (!header.IsEmpty)
        {
            var space = header.IndexOf(' ');
            var entry = space < 0 ? header : header[..space];
            header = space < 0 ? [] : header[(space + 1)..];

            var comma = entry.IndexOf(',');
            if (comma < 0 || !entry[..comma].SequenceEqual("v1"))
            {
                continue;
            }

            var signature = entry[(comma + 1)..];
            if (signature.Length > MaxSignatureChars
                || !Convert.TryFromBase64Chars(signature, scratch, out var length)
                || length != WebhookSigningKey.HashLength)
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(scratch[..WebhookSigningKey.HashLength], expected))
            {
                return true;
            }
        }

        return false;
    }
}
