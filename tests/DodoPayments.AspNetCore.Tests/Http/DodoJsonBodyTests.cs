using System.Text;
using DodoPayments.AspNetCore.Checkout.Internal;
using DodoPayments.AspNetCore.Http;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.Http;

public sealed class DodoJsonBodyTests
{
    private const long MaxBody = 64 * 1024;

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
        var (value, problem, _) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.CheckoutSessionRequest, MaxBody);

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
        var (value, problem, _) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, MaxBody);

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
        var (value, problem, _) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, MaxBody);

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
        var (value, problem, _) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, MaxBody);

        // Assert
        Assert.Null(problem);
        Assert.Null(value!.ProductId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOverLimit_Refused413WithoutReadingItWhole(bool declaresLength)
    {
        // Arrange: a 1 MiB body against a 1 KiB limit, with or without a Content-Length.
        var body = new CountingStream(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"product_id":"{{new string('a', 1024 * 1024)}}"}""")));
        var request = Request(string.Empty);
        request.Body = body;
        request.ContentLength = declaresLength ? body.Length : null;

        // Act
        var (value, problem, refused) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, 1024);

        // Assert
        Assert.Null(value);
        Assert.Null(problem);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused!.StatusCode);
        Assert.True(body.BytesRead < 256 * 1024, $"read {body.BytesRead} bytes of a body refused for its size");
    }

    [Fact]
    public async Task ReadAsync_BodyAtLimit_IsRead()
    {
        // Arrange
        var json = """{"product_id":"pdt_1"}""";
        var request = Request(json);

        // Act
        var (value, problem, refused) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, Encoding.UTF8.GetByteCount(json));

        // Assert
        Assert.Null(problem);
        Assert.Null(refused);
        Assert.Equal("pdt_1", value!.ProductId);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task ReadAsync_JsonRequiredButNotJson_Refused415(string? contentType)
    {
        // Arrange
        var request = Request("""{"product_id":"pdt_1"}""", contentType);

        // Act
        var (value, problem, refused) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, MaxBody, requireJsonContentType: true);

        // Assert
        Assert.Null(value);
        Assert.Null(problem);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused!.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task ReadAsync_JsonRequiredAndJson_IsRead(string contentType)
    {
        // Arrange
        var request = Request("""{"product_id":"pdt_1"}""", contentType);

        // Act
        var (value, _, refused) = await DodoJsonBody.ReadAsync(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, MaxBody, requireJsonContentType: true);

        // Assert
        Assert.Null(refused);
        Assert.Equal("pdt_1", value!.ProductId);
    }

    private static HttpRequest Request(string json, string? contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return context.Request;
    }

    /// <summary>Counts what the reader took from the body.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
