using System.Text;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.Http;

public sealed class DodoJsonBodyTests
{
    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("$", "body")]
    [InlineData("$.product_cart[0].quantity", "product_cart[0].quantity")]
    [InlineData("$.metadata", "metadata")]
    [InlineData("$['odd key']", "['odd key']")]
    public void WireName_JsonPath_BecomesWireName(string? path, string expected)
    {
        // Arrange / Act
        var name = DodoJsonBody.WireName(path);

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public async Task ReadAsync_ValidBody_ReturnsRequestWithUnknownFieldsKept()
    {
        // Arrange
        var request = Request("""{"product_cart":[{"product_id":"pdt_1","quantity":2}],"future_field":{"a":1}}""");

        // Act
        var (value, problem) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.CheckoutSessionRequest);

        // Assert
        Assert.Null(problem);
        Assert.Equal(2, Assert.Single(value!.ProductCart!).Quantity);
        Assert.Equal("""{"a":1}""", value.AdditionalProperties!["future_field"].GetRawText());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "product_id=pdt_1", "body")]
    [InlineData("application/xml", "<product_id>pdt_1</product_id>", "body")]
    [InlineData("application/json", """{"product_id":""", "body")]
    [InlineData("application/json", """{"product_id":"pdt_1",}""", "body")]
    [InlineData("application/json", """{"product_id":"pdt_1","quantity":1.5}""", "quantity")]
    [InlineData("application/json", """{"product_id":"pdt_1","billing":{"country":7}}""", "billing.country")]
    [InlineData("application/json", "null", "body")]
    public async Task ReadAsync_UnreadableBody_ProblemNamesField(string contentType, string json, string key)
    {
        // Arrange
        var request = Request(json, contentType);

        // Act
        var (value, problem) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest);

        // Assert
        Assert.Null(value);
        Assert.Equal([key], problem!.ProblemDetails.Errors.Keys);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    [InlineData(null)]
    public async Task ReadAsync_JsonUnderAnyJsonOrPlainOrNoContentType_IsRead(string? contentType)
    {
        // Arrange
        var request = Request("""{"product_id":"pdt_1"}""", contentType);

        // Act
        var (value, problem) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest);

        // Assert
        Assert.Null(problem);
        Assert.Equal("pdt_1", value!.ProductId);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_ReadsAsEmptyObject()
    {
        // Arrange
        var request = Request(string.Empty);

        // Act
        var (value, problem) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest);

        // Assert
        Assert.Null(problem);
        Assert.Null(value!.ProductId);
    }

    private static HttpRequest Request(string json, string? contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return context.Request;
    }
}
