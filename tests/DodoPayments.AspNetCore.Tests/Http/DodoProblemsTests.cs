using System.Net;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Tests.Http;

public sealed class DodoProblemsTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task FromApiException_DodoRefusedTheRequest_Is400WithDodosCodeAndMessage(int status)
    {
        var exception = new DodoApiException(DodoApiErrorKind.ErrorResponse, "POST /checkouts", (HttpStatusCode)status, "INVALID_REQUEST_BODY", "product_cart is empty");

        var (statusCode, contentType, body) = await ExecuteAsync(DodoProblems.FromApiException(exception));

        Assert.Equal(400, statusCode);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("INVALID_REQUEST_BODY", body.GetProperty("code").GetString());
        Assert.Equal("product_cart is empty", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task FromApiException_DodoOrAuthFailed_Is502WithoutUpstreamDetails(int status)
    {
        var exception = new DodoApiException(DodoApiErrorKind.ErrorResponse, "POST /checkouts", (HttpStatusCode)status, "UNAUTHORIZED", "Invalid API key sk_live_leak");

        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.FromApiException(exception));

        Assert.Equal(502, statusCode);
        Assert.False(body.TryGetProperty("code", out _));
        Assert.DoesNotContain("sk_live_leak", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("UNAUTHORIZED", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromApiException_Unreachable_Is502()
    {
        var exception = new DodoApiException(DodoApiErrorKind.Unreachable, "GET /products/{id}", innerException: new HttpRequestException("connection refused to 10.1.2.3"));

        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.FromApiException(exception));

        Assert.Equal(502, statusCode);
        Assert.DoesNotContain("10.1.2.3", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromApiException_Timeout_Is504()
    {
        var exception = new DodoApiException(DodoApiErrorKind.Timeout, "GET /products/{id}");

        var (statusCode, _, _) = await ExecuteAsync(DodoProblems.FromApiException(exception));

        Assert.Equal(504, statusCode);
    }

    [Fact]
    public async Task Invalid_Field_IsValidationProblemKeyedByTheField()
    {
        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.Invalid("productId", "productId is required."));

        Assert.Equal(400, statusCode);
        Assert.Equal("productId is required.", body.GetProperty("errors").GetProperty("productId")[0].GetString());
    }

    [Fact]
    public async Task Invalid_ValidationResult_GroupsMessagesByPropertyName()
    {
        var result = new ValidationResult(
        [
            new ValidationFailure("product_cart[0].quantity", "quantity must be more than zero."),
            new ValidationFailure("product_cart[0].quantity", "quantity must be more than zero."),
            new ValidationFailure("billing_address.country", "country must be an ISO 3166-1 alpha-2 code."),
        ]);

        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.Invalid(result));

        Assert.Equal(400, statusCode);
        var errors = body.GetProperty("errors");
        Assert.Equal(1, errors.GetProperty("product_cart[0].quantity").GetArrayLength());
        Assert.Equal("country must be an ISO 3166-1 alpha-2 code.", errors.GetProperty("billing_address.country")[0].GetString());
    }

    private static async Task<(int StatusCode, string? ContentType, JsonElement Body)> ExecuteAsync(IResult result)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        body.Position = 0;
        using var document = await JsonDocument.ParseAsync(body);
        return (context.Response.StatusCode, context.Response.ContentType, document.RootElement.Clone());
    }
}
