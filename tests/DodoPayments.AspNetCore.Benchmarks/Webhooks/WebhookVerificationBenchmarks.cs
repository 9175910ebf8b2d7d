using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Benchmarks.Webhooks;

/// <summary>
/// Signature verification of a 1 KiB body (goal: at most 1.2 µs, nothing allocated per call, a two-key rotation at most
/// 1.5× one key), next to its references in the same run: SHA-256 alone over the same signed content (the floor) and
/// the one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/> that re-keys on every call (what verification did before).
/// </summary>
[MemoryDiagnoser]
public class WebhookVerificationBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string OlderSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private const string WebhookId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_768_478_400);

    private byte[] _body = [];
    private byte[] _content = [];
    private byte[] _key = [];
    private readonly byte[] _hash = new byte[32];
    private WebhookKeySet _keys = null!;
    private WebhookKeySet _rotation = null!;
    private string _timestamp = string.Empty;
    private string _signature = string.Empty;
    private string _twoEntries = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var body = WebhookPayloads.PaymentSucceeded(1024);
        _body = Encoding.UTF8.GetBytes(body);
        _key = WebhookSecret.TryDecode(Secret, out var key) ? key : throw new InvalidOperationException("Bad secret.");
        _ = WebhookSecret.TryDecode(OlderSecret, out var older);
        _keys = new WebhookKeySet([key]);
        // A rotation: the older key is still configured first, the deliveries are signed with the newer one.
        _rotation = new WebhookKeySet([older, key]);
        _timestamp = SentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _content = Encoding.UTF8.GetBytes($"{WebhookId}.{_timestamp}.{body}");
        _signature = new DodoWebhookSigner(Secret).Sign(WebhookId, SentAt, body);
        _twoEntries = "v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM= " + _signature;
        if (!Verify1KiB() || !Verify1KiBSecondOfTwoEntries() || !Verify1KiBTwoKeysSignedWithSecond()
            || !Verify1KiBTwoKeysFirstAfterRotation() || _body.Length != 1024)
        {
            throw new InvalidOperationException("The benchmark body does not verify.");
        }
    }

    /// <summary>The floor: SHA-256 alone over the signed content (no key, no comparison).</summary>
    [Benchmark]
    public byte Sha256Only1KiB()
    {
        SHA256.HashData(_content, _hash);
        return _hash[0];
    }

    /// <summary>Before: one-shot HMAC-SHA256 that re-keys per call (the content already built).</summary>
    [Benchmark]
    public byte HmacOneShotRekeyed1KiB()
    {
        HMACSHA256.HashData(_key, _content, _hash);
        return _hash[0];
    }

    [Benchmark(Baseline = true)]
    public bool Verify1KiB() =>
        WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _signature, _keys, SentAt, TimeSpan.FromMinutes(5)) == WebhookVerificationResult.Verified;

    /// <summary>One key; the header carries two <c>v1</c> entries, the valid one second.</summary>
    [Benchmark]
    public bool Verify1KiBSecondOfTwoEntries() =>
        WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _twoEntries, _keys, SentAt, TimeSpan.FromMinutes(5)) == WebhookVerificationResult.Verified;

    /// <summary>Two keys configured, deliveries signed with the second: steady state of a rotation (the matching key is tried first).</summary>
    [Benchmark]
    public bool Verify1KiBTwoKeysSignedWithSecond() =>
        WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _signature, _rotation, SentAt, TimeSpan.FromMinutes(5)) == WebhookVerificationResult.Verified;

    /// <summary>The worst case of a rotation: the key tried first does not match, so both keys are computed.</summary>
    [Benchmark]
    public bool Verify1KiBTwoKeysFirstAfterRotation()
    {
        _rotation.LastMatched = 0;
        return WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _signature, _rotation, SentAt, TimeSpan.FromMinutes(5)) == WebhookVerificationResult.Verified;
    }
}
