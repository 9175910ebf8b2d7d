using System.Net;
using System.Text;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

/// <summary>Bodies above DodoPayments:MaxRequestBodySize answer 413 without being read whole and without calling Dodo.</summary>
public sealed class CheckoutBodyLimitTests
{
    private const string Session = CheckoutHttp.SessionPath;
    private const string Dynamic = CheckoutHttp.DynamicPath;
    private const int DefaultLimit = 64 * 1024;

    [Theory]
    [InlineData(Session)]
    [InlineData(Dynamic)]
    public async Task Post_BodyOverDefaultLimit_Answers413ProblemWithoutCallingDodo(string path)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(path, Padded(path, DefaultLimit + 1));

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, (int?)(await response.ReadJsonAsync())["status"]);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData(Session)]
    [InlineData(Dynamic)]
    public async Task Post_BodyAtDefaultLimit_IsAccepted(string path)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(path, Padded(path, DefaultLimit));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Session)]
    [InlineData(Dynamic)]
    public async Task Post_BodyOverConfiguredLimit_Answers413WithoutCallingDodo(string path)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { ["DodoPayments:MaxRequestBodySize"] = "1024" });

        // Act
        var under = await app.Client.PostJsonAsync(path, Padded(path, 1024));
        var over = await app.Client.PostJsonAsync(path, Padded(path, 1025));

        // Assert
        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("1024", (string?)(await over.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        Assert.Single(dodo.Requests, request => request.Method == "POST");
    }

    [Theory]
    [InlineData(Session)]
    [InlineData(Dynamic)]
    public async Task Post_StreamedBodyThatNeverEnds_Answers413BeforeItEnds(string path)
    {
        // Arrange: no Content-Length, and the sender stalls after passing the limit. An endpoint that read the body
        // whole would wait for ever; one that stops at the limit answers while the body is still open.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { ["DodoPayments:MaxRequestBodySize"] = "4096" });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var content = new StallingContent(Encoding.UTF8.GetBytes(Padded(path, 4097)), release.Task);

        try
        {
            // Act
            var response = await app.Client.PostAsync(path, content).WaitAsync(TimeSpan.FromSeconds(30));

            // Assert
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.False(release.Task.IsCompleted);
            Assert.Empty(dodo.Requests);
        }
        finally
        {
            release.SetResult();
        }
    }

    /// <summary>A valid body of exactly <paramref name="size"/> bytes: the flow's minimal body with a padded metadata value.</summary>
    private static string Padded(string path, int size)
    {
        var start = path == Session
            ? """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"metadata":{"pad":" """
            : """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"metadata":{"pad":" """;
        start = start.TrimEnd();
        const string end = "\"}}";
        var body = start + new string('a', size - start.Length - end.Length) + end;
        Assert.Equal(size, Encoding.UTF8.GetByteCount(body));
        return body;
    }

    /// <summary>Sends its bytes without a Content-Length, then holds the body open until released.</summary>
    private sealed class StallingContent(byte[] bytes, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
            await release;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
