using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

public sealed class DodoWebhookSignerTests
{
    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk", 1649367553, """{"email":"test@example.com","username":"test_user"}""", "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=")]
    public void Sign_PublishedVector_GivesThePublishedSignature(string secret, string id, long timestamp, string body, string expected)
    {
        // Arrange
        var signer = new DodoWebhookSigner(secret);

        // Act
        var signature = signer.Sign(id, DateTimeOffset.FromUnixTimeSeconds(timestamp), body);

        // Assert
        Assert.Equal(expected, signature);
    }

    [Fact]
    public async Task CreateRequest_Body_IsAPostWithTheThreeHeadersAndTheExactBody()
    {
        // Arrange
        var signer = new DodoWebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        var at = DateTimeOffset.FromUnixTimeSeconds(1614265330);

        // Act
        using var request = signer.CreateRequest("/api/webhook", """{"test": 2432232314}""", "msg_p5jXN8AQM9LWM0D4loKWxJek", at);

        // Assert
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("msg_p5jXN8AQM9LWM0D4loKWxJek", Assert.Single(request.Headers.GetValues("webhook-id")));
        Assert.Equal("1614265330", Assert.Single(request.Headers.GetValues("webhook-timestamp")));
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Assert.Single(request.Headers.GetValues("webhook-signature")));
        Assert.Equal("""{"test": 2432232314}""", await request.Content!.ReadAsStringAsync());
        Assert.Equal("application/json", request.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    public void Constructor_MalformedSecret_Throws(string secret)
    {
        // Arrange, Act
        var exception = Record.Exception(() => new DodoWebhookSigner(secret));

        // Assert
        Assert.IsAssignableFrom<ArgumentException>(exception);
    }
}
