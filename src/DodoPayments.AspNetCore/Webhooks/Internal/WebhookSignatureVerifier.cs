using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Standard Webhooks verification: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with each key,
/// compared in constant time with every <c>v1,</c> entry of <c>webhook-signature</c>; other versions and entries
/// without a comma are skipped. A pure function: no exceptions for bad input, no allocation.
/// </summary>
internal static class WebhookSignatureVerifier
{
    /// <summary>The length of an HMAC-SHA256 signature.</summary>
    private const int SignatureLength = 32;

    /// <summary>Signed content up to this size is built on the stack; larger content in a pooled buffer.</summary>
    private const int StackContentLimit = 2048;

    /// <summary>Base64 of 32 bytes is 44 characters; longer entries cannot be a signature.</summary>
    private const int MaxSignatureChars = 64;

    /// <summary>The last second <see cref="DateTimeOffset"/> can hold (9999-12-31); a larger timestamp is not one.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Verifies one delivery.</summary>
    /// <param name="body">The exact bytes received.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header (Unix seconds).</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>version,base64</c> entries.</param>
    /// <param name="keys">The decoded keys (current and, during a rotation, older ones).</param>
    /// <param name="now">The current time.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way, boundary included.</param>
    /// <returns><see cref="WebhookVerificationResult.Verified"/>, or why not.</returns>
    public static WebhookVerificationResult Verify(
        ReadOnlySpan<byte> body,
        string? webhookId,
        string? webhookTimestamp,
        string? webhookSignature,
        ReadOnlySpan<byte[]> keys,
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
        ReadOnlySpan<byte[]> keys,
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

        if (keys.IsEmpty)
        {
            return WebhookVerificationResult.NoKeys;
        }

        var idLength = Encoding.UTF8.GetByteCount(webhookId);
        var contentLength = idLength + 1 + webhookTimestamp.Length + 1 + body.Length;
        byte[]? rented = null;
        var content = contentLength <= StackContentLimit
            ? stackalloc byte[StackContentLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(contentLength));
        try
        {
            content = content[..contentLength];
            var written = Encoding.UTF8.GetBytes(webhookId, content);
            content[written++] = (byte)'.';
            // The timestamp parsed as digits only, so it is ASCII: one byte per char.
            written += Encoding.ASCII.GetBytes(webhookTimestamp, content[written..]);
            content[written++] = (byte)'.';
            body.CopyTo(content[written..]);

            Span<byte> expected = stackalloc byte[SignatureLength];
            Span<byte> received = stackalloc byte[48];
            foreach (var key in keys)
            {
                HMACSHA256.HashData(key, content, expected);
                if (AnySignatureMatches(webhookSignature, expected, received))
                {
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
                || length != SignatureLength)
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(scratch[..SignatureLength], expected))
            {
                return true;
            }
        }

        return false;
    }
}
