using System.Text;
using BenchmarkDotNet.Attributes;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Benchmarks.Webhooks;

/// <summary>Signature verification of a 1 KiB body (goal: at most 2.5 µs and nothing allocated per call).</summary>
[MemoryDiagnoser]
public class WebhookVerificationBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string WebhookId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_768_478_400);

    private byte[] _body = [];
    private byte[][] _keys = [];
    private string _timestamp = string.Empty;
    private string _signature = string.Empty;
    private string _rotationSignature = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var body = WebhookPayloads.PaymentSucceeded(1024);
        _body = Encoding.UTF8.GetBytes(body);
        _keys = WebhookSecret.TryDecode(Secret, out var key) ? [key] : throw new InvalidOperationException("Bad secret.");
        _timestamp = SentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _signature = new DodoWebhookSigner(Secret).Sign(WebhookId, SentAt, body);
        _rotationSignature = "v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM= " + _signature;
        if (!Verify1KiB() || !Verify1KiBValidSignatureSecond() || _body.Length != 1024)
        {
            throw new InvalidOperationException("The benchmark body does not verify.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool Verify1KiB() =>
        WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _signature, _keys, SentAt, TimeSpan.FromMinutes(5)) == WebhookVerificationResult.Verified;

    [Benchmark]
    public bool Verify1KiBValidSignatureSecond() =>
        WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _rotationSignature, _keys, SentAt, TimeSpan.FromMinutes(5)) == WebhookVerificationResult.Verified;
}
