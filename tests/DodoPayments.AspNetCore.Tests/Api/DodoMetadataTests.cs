using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Api;

/// <summary>One metadata type for requests, answers and webhooks: set from plain strings, numbers and booleans, read back as text, written without reflection.</summary>
public sealed class DodoMetadataTests
{
    private static string Write(DodoMetadata metadata) => JsonSerializer.Serialize(metadata, DodoApiJsonContext.Default.DodoMetadata);

    private static DodoMetadata Read(string json) => JsonSerializer.Deserialize(json, DodoApiJsonContext.Default.DodoMetadata)!;

    [Fact]
    public void Write_PlainStringsNumbersAndBooleans_KeepTheirJsonKinds()
    {
        // Arrange
        var metadata = new DodoMetadata { ["user_id"] = "42" };
        metadata.Set("seats", 3);
        metadata.Set("ratio", 1.5);
        metadata.Set("price", 9.90m);
        metadata.Set("trial", true);

        // Act
        var json = Write(metadata);

        // Assert
        Assert.Equal("""{"user_id":"42","seats":3,"ratio":1.5,"price":9.90,"trial":true}""", json);
    }

    [Fact]
    public void ImplicitFromDictionary_StringValues_BecomeJsonStrings()
    {
        // Arrange
        var request = new CreateCheckoutSessionRequest { Metadata = new Dictionary<string, string> { ["order_id"] = "ord_1", ["user_id"] = "u_7" } };

        // Act
        var json = JsonSerializer.Serialize(request, DodoApiJsonContext.Default.CreateCheckoutSessionRequest);

        // Assert
        Assert.Equal("""{"metadata":{"order_id":"ord_1","user_id":"u_7"}}""", json);
    }

    [Fact]
    public void Read_StringNumberAndBoolean_ReadAsTextWithTheirKinds()
    {
        // Act
        var metadata = Read("""{"plan":"pro","seats":3,"flag":false}""");

        // Assert
        Assert.Equal("pro", metadata["plan"]);
        Assert.Equal("3", metadata["seats"]);
        Assert.Equal("false", metadata["flag"]);
        Assert.Equal(JsonValueKind.String, metadata.GetValueKind("plan"));
        Assert.Equal(JsonValueKind.Number, metadata.GetValueKind("seats"));
        Assert.Equal(JsonValueKind.False, metadata.GetValueKind("flag"));
        Assert.Equal(JsonValueKind.Undefined, metadata.GetValueKind("absent"));
    }

    [Fact]
    public void Read_ValuesOfAnotherShape_KeptAsJsonTextAndWrittenBackAsSent()
    {
        // Arrange: Dodo allows only strings, numbers and booleans, but reading a webhook must not fail on anything else.
        const string Json = """{"nested":{"a":[1,2]},"list":[true],"none":null,"big":12345678901234567890.5}""";

        // Act
        var metadata = Read(Json);

        // Assert
        Assert.Equal("""{"a":[1,2]}""", metadata["nested"]);
        Assert.Equal(JsonValueKind.Object, metadata.GetValueKind("nested"));
        Assert.Equal(JsonValueKind.Array, metadata.GetValueKind("list"));
        Assert.Null(metadata["none"]);
        Assert.Equal(JsonValueKind.Null, metadata.GetValueKind("none"));
        Assert.Equal("12345678901234567890.5", metadata["big"]);
        Assert.Equal(Json, Write(metadata));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("3")]
    public void Read_NotAnObject_Throws(string json)
    {
        // Act & Assert
        Assert.Throws<JsonException>(() => Read(json));
    }

    [Fact]
    public void Set_SameKeyAgain_ReplacesTheValueAndItsKind()
    {
        // Arrange
        var metadata = new DodoMetadata();
        metadata.Set("seats", 3);

        // Act
        metadata["seats"] = "three";

        // Assert
        Assert.Equal(JsonValueKind.String, metadata.GetValueKind("seats"));
        Assert.Equal("""{"seats":"three"}""", Write(metadata));
    }

    [Fact]
    public void Remove_NumberKey_LeavesTheOthers()
    {
        // Arrange
        var metadata = new DodoMetadata { ["a"] = "1" };
        metadata.Set("b", 2);

        // Act
        var removed = metadata.Remove("b");

        // Assert
        Assert.True(removed);
        Assert.Equal(JsonValueKind.Undefined, metadata.GetValueKind("b"));
        Assert.Equal("""{"a":"1"}""", Write(metadata));
    }

    [Fact]
    public void Add_ExistingKey_Throws()
    {
        // Arrange
        var metadata = new DodoMetadata { { "a", "1" } };

        // Act & Assert
        Assert.Throws<ArgumentException>(() => metadata.Add("a", "2"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Set_NumberJsonCannotHold_Throws(double value)
    {
        // Arrange
        var metadata = new DodoMetadata();

        // Act & Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => metadata.Set("x", value));
    }

    [Fact]
    public void Read_BrowserBodyAndWebhookPayload_SameTypeSameValues()
    {
        // Arrange
        const string Metadata = """{"order_id":"ord_1","seats":2}""";
        var body = $$"""{"product_cart":[{"product_id":"pdt_1","quantity":1}],"metadata":{{Metadata}}}""";
        var delivery = $$$"""{"type":"payment.succeeded","data":{"payment_id":"pay_1","metadata":{{{Metadata}}}}}""";

        // Act
        var fromBrowser = JsonSerializer.Deserialize(body, DodoCheckoutJsonContext.Default.CheckoutSessionRequest)!.Metadata!;
        var fromWebhook = Assert.IsType<PaymentSucceededEvent>(WebhookEventReader.Read(System.Text.Encoding.UTF8.GetBytes(delivery), "msg_1", DateTimeOffset.UnixEpoch).Event).Data.Metadata;

        // Assert
        Assert.Equal(fromBrowser, fromWebhook);
        Assert.Equal(Metadata, Write(fromWebhook));
    }
}
