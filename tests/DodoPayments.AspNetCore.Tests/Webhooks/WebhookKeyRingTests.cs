using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

public sealed class WebhookKeyRingTests
{
    private const string First = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Second = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    [Fact]
    public void GetKeys_UnchangedOptions_ReusesTheDecodedKeys()
    {
        // Arrange
        var ring = new WebhookKeyRing();
        var options = new DodoPaymentsOptions { WebhookKey = First, WebhookKeys = [Second] };

        // Act
        var first = ring.GetKeys(options);
        var second = ring.GetKeys(new DodoPaymentsOptions { WebhookKey = First, WebhookKeys = [Second] });

        // Assert
        Assert.Same(first, second);
        Assert.Equal(2, first.Count);
    }

    [Fact]
    public void GetKeys_ChangedKey_DecodesTheNewOne()
    {
        // Arrange
        var ring = new WebhookKeyRing();
        var before = ring.GetKeys(new DodoPaymentsOptions { WebhookKey = First });

        // Act
        var after = ring.GetKeys(new DodoPaymentsOptions { WebhookKey = Second });

        // Assert
        Assert.False(before[0].Key.SequenceEqual(after[0].Key));
        Assert.Single(after);
    }

    [Fact]
    public void GetKeys_MalformedAndDuplicateSecrets_AreSkipped()
    {
        // Arrange
        var ring = new WebhookKeyRing();

        // Act
        var keys = ring.GetKeys(new DodoPaymentsOptions { WebhookKey = First, WebhookKeys = ["whsec_***", "", First, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] });

        // Assert
        Assert.Single(keys);
    }
}
