using System.Text;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

public sealed class WebhookSignatureVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private const string Body = """{"test": 2432232314}""";
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(Secret)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void Verify_PublishedVector_IsVerifiedWithOrWithoutPrefix(string secret)
    {
        // Arrange
        var keys = Keys(secret);

        // Act
        var result = Verify(Body, Id, Timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Verify_SecondPublishedVector_IsVerified()
    {
        // Arrange
        var keys = Keys("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD");

        // Act
        var result = Verify(
            """{"email":"test@example.com","username":"test_user"}""",
            "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
            "1649367553",
            "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=",
            keys,
            DateTimeOffset.FromUnixTimeSeconds(1649367553));

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Verify_PublishedVectorWithLargeBody_IsVerified()
    {
        // Arrange
        var body = new string('a', 262143);

        // Act
        var result = Verify(body, Id, Timestamp, "v1,NTItnqyWMoFhk2Bbe5V/BMdcFRWgcSQaTgqLHX7FC7c=", Keys(Secret), SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Verify_VerifiedDelivery_ReturnsTheTimestampItParsed()
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = WebhookSignatureVerifier.Verify(Encoding.UTF8.GetBytes(Body), Id, Timestamp, Signature, keys, SentAt, Tolerance, out var timestamp);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
        Assert.Equal(SentAt, timestamp);
    }

    [Fact]
    public void Verify_TimestampBeyondTheLastRepresentableSecond_IsInvalidNotAnException()
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = Verify(Body, Id, "253402300800", Signature, keys, DateTimeOffset.MaxValue);

        // Assert
        Assert.Equal(WebhookVerificationResult.InvalidTimestamp, result);
    }

    [Theory]
    [InlineData(null, Timestamp, Signature, nameof(WebhookVerificationResult.MissingId))]
    [InlineData("", Timestamp, Signature, nameof(WebhookVerificationResult.MissingId))]
    [InlineData(" ", Timestamp, Signature, nameof(WebhookVerificationResult.MissingId))]
    [InlineData(Id, null, Signature, nameof(WebhookVerificationResult.MissingTimestamp))]
    [InlineData(Id, "", Signature, nameof(WebhookVerificationResult.MissingTimestamp))]
    [InlineData(Id, Timestamp, null, nameof(WebhookVerificationResult.MissingSignature))]
    [InlineData(Id, Timestamp, "", nameof(WebhookVerificationResult.MissingSignature))]
    [InlineData(Id, "16142653x0", Signature, nameof(WebhookVerificationResult.InvalidTimestamp))]
    [InlineData(Id, "-1614265330", Signature, nameof(WebhookVerificationResult.InvalidTimestamp))]
    [InlineData(Id, "1614265330.5", Signature, nameof(WebhookVerificationResult.InvalidTimestamp))]
    [InlineData(Id, " 1614265330", Signature, nameof(WebhookVerificationResult.InvalidTimestamp))]
    [InlineData(Id, "99999999999999999999999", Signature, nameof(WebhookVerificationResult.InvalidTimestamp))]
    public void Verify_MissingOrMalformedHeader_IsRefusedWithItsReason(string? id, string? timestamp, string? signature, string expected)
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = Verify(Body, id, timestamp, signature, keys, SentAt);

        // Assert
        Assert.Equal(Enum.Parse<WebhookVerificationResult>(expected), result);
    }

    [Theory]
    [InlineData(300, nameof(WebhookVerificationResult.Verified))]
    [InlineData(301, nameof(WebhookVerificationResult.TimestampTooOld))]
    [InlineData(-300, nameof(WebhookVerificationResult.Verified))]
    [InlineData(-301, nameof(WebhookVerificationResult.TimestampTooNew))]
    [InlineData(86400, nameof(WebhookVerificationResult.TimestampTooOld))]
    public void Verify_ClockAwayFromTimestamp_AcceptsUpTo300SecondsInclusive(int secondsLater, string expected)
    {
        // Arrange
        var now = SentAt.AddSeconds(secondsLater);

        // Act
        var result = Verify(Body, Id, Timestamp, Signature, Keys(Secret), now);

        // Assert
        Assert.Equal(Enum.Parse<WebhookVerificationResult>(expected), result);
    }

    [Theory]
    [InlineData("v1,not*base64!")]
    [InlineData("v1,")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OEAAAA=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Verify_GarbageWrongLengthOrOtherVersionOnly_IsRefused(string signature)
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = Verify(Body, Id, Timestamp, signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, result);
    }

    [Theory]
    [InlineData(Signature + " v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM= v2,abc")]
    [InlineData("v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM= " + Signature + " v2,abc")]
    [InlineData("v2,abc nocomma v1,garbage!! v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM= " + Signature)]
    [InlineData("v1a,x  " + Signature)]
    public void Verify_ValidSignatureFirstMiddleOrLast_IsVerified(string header)
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = Verify(Body, Id, Timestamp, header, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Verify_WrongKey_IsRefused()
    {
        // Arrange
        var keys = Keys("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD");

        // Act
        var result = Verify(Body, Id, Timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, result);
    }

    [Fact]
    public void Verify_SeveralKeysWithTheRightOneLast_IsVerified()
    {
        // Arrange
        var keys = Keys("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", Secret);

        // Act
        var result = Verify(Body, Id, Timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Verify_NoKeys_IsRefused()
    {
        // Arrange
        var keys = Keys();

        // Act
        var result = Verify(Body, Id, Timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.NoKeys, result);
    }

    [Theory]
    [InlineData("""{"test": 2432232315}""")]
    [InlineData("""{"test":2432232314}""")]
    [InlineData("""{"test": 2432232314} """)]
    [InlineData("""{ "test": 2432232314 }""")]
    [InlineData("")]
    public void Verify_TamperedOrReformattedBody_IsRefused(string body)
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = Verify(body, Id, Timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, result);
    }

    [Theory]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJeK", Timestamp)]
    [InlineData(Id, "1614265331")]
    [InlineData(Id, "01614265330")]
    public void Verify_SignatureOfAnotherIdOrTimestamp_IsRefused(string id, string timestamp)
    {
        // Arrange
        var keys = Keys(Secret);

        // Act
        var result = Verify(Body, id, timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.NoMatchingSignature, result);
    }

    [Fact]
    public void Verify_BodyLargerThanTheStackBuffer_IsVerified()
    {
        // Arrange
        var body = new string('b', 10_000);
        var signature = new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(Secret).Sign(Id, SentAt, body);

        // Act
        var result = Verify(body, Id, Timestamp, signature, Keys(Secret), SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Verify_RotationSignedWithTheSecondKey_IsVerifiedAndThatKeyIsTriedFirstNext()
    {
        // Arrange
        var keys = Keys("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", Secret);

        // Act
        var first = Verify(Body, Id, Timestamp, Signature, keys, SentAt);
        var second = Verify(Body, Id, Timestamp, Signature, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, first);
        Assert.Equal(WebhookVerificationResult.Verified, second);
        Assert.Equal(1, keys.LastMatched);
    }

    [Fact]
    public void Verify_AfterTheSecondKeyMatched_StillVerifiesTheFirstKeysDeliveries()
    {
        // Arrange
        const string Other = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
        var keys = Keys(Other, Secret);
        Verify(Body, Id, Timestamp, Signature, keys, SentAt);
        var signedWithFirst = new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(Other).Sign(Id, SentAt, Body);

        // Act
        var result = Verify(Body, Id, Timestamp, signedWithFirst, keys, SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
        Assert.Equal(0, keys.LastMatched);
    }

    [Fact]
    public void Verify_WarmedUp_AllocatesNothing()
    {
        // Arrange
        var keys = Keys("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", Secret);
        var body = Encoding.UTF8.GetBytes(new string('c', 1024));
        var signature = "v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM= " + new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(Secret).Sign(Id, SentAt, new string('c', 1024));
        for (var i = 0; i < 10; i++)
        {
            WebhookSignatureVerifier.Verify(body, Id, Timestamp, signature, keys, SentAt, Tolerance);
        }

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = WebhookSignatureVerifier.Verify(body, Id, Timestamp, signature, keys, SentAt, Tolerance, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task Verify_ManyThreadsSharingTheKeys_EachGetsItsOwnAnswer()
    {
        // Arrange
        var keys = Keys(Secret);
        var signer = new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(Secret);
        var deliveries = Enumerable.Range(0, 64)
            .Select(i => (Body: $$"""{"n":{{i}}}""", Signature: i % 2 == 0 ? signer.Sign(Id, SentAt, $$"""{"n":{{i}}}""") : Signature))
            .ToArray();

        // Act
        var results = await Task.WhenAll(deliveries.Select(delivery => Task.Run(() =>
            Enumerable.Range(0, 200).Select(_ => Verify(delivery.Body, Id, Timestamp, delivery.Signature, keys, SentAt)).Distinct().Single())));

        // Assert
        for (var i = 0; i < deliveries.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? WebhookVerificationResult.Verified : WebhookVerificationResult.NoMatchingSignature, results[i]);
        }
    }

    [Fact]
    public void Verify_IdLongerThanTheStackPrefix_IsVerified()
    {
        // Arrange
        var id = "msg_" + new string('é', 400);
        var signature = new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(Secret).Sign(id, SentAt, Body);

        // Act
        var result = Verify(Body, id, Timestamp, signature, Keys(Secret), SentAt);

        // Assert
        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    private static WebhookKeySet Keys(params string[] secrets) =>
        new(secrets.Select(secret => WebhookSecret.TryDecode(secret, out var key) ? key : throw new ArgumentException(secret)));

    private static WebhookVerificationResult Verify(string body, string? id, string? timestamp, string? signature, WebhookKeySet keys, DateTimeOffset now) =>
        WebhookSignatureVerifier.Verify(Encoding.UTF8.GetBytes(body), id, timestamp, signature, keys, now, Tolerance);
}
