using System.Net;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace DodoPayments.AspNetCore.Tests.Http;

public sealed class DodoProblemsTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task FromApiException_DodoRefusedTheRequestInDevelopment_Is400WithDodosCodeAndMessage(int status)
    {
        // Arrange
        var exception = new DodoApiException(DodoApiErrorKind.ErrorResponse, "POST /checkouts", (HttpStatusCode)status, "INVALID_REQUEST_BODY", "product_cart is empty");
        var context = NewContext(Environments.Development);

        // Act
        var (statusCode, contentType, body) = await ExecuteAsync(DodoProblems.FromApiException(exception, context), context);

        // Assert
        Assert.Equal(400, statusCode);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("INVALID_REQUEST_BODY", body.GetProperty("code").GetString());
        Assert.Equal("product_cart is empty", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(null)]
    public async Task FromApiException_DodoRefusedTheRequestOutsideDevelopment_Is400WithDodosCodeButNotItsMessage(string? environment)
    {
        // Arrange: Dodo's message can name internals (or echo what was sent); only Development shows it.
        var exception = new DodoApiException(DodoApiErrorKind.ErrorResponse, "POST /checkouts", HttpStatusCode.UnprocessableEntity, "INVALID_REQUEST_PARAMETERS", "customer ada@example.com has no billing address");
        var context = NewContext(environment);

        // Act
        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.FromApiException(exception, context), context);

        // Assert
        Assert.Equal(400, statusCode);
        Assert.Equal("INVALID_REQUEST_PARAMETERS", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.DoesNotContain("ada@example.com", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("billing address", body.GetRawText(), StringComparison.Ordinal);
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
        // Arrange
        var exception = new DodoApiException(DodoApiErrorKind.ErrorResponse, "POST /checkouts", (HttpStatusCode)status, "UNAUTHORIZED", "Invalid API key sk_live_leak");
        var context = NewContext(Environments.Development);

        // Act
        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.FromApiException(exception, context), context);

        // Assert
        Assert.Equal(502, statusCode);
        Assert.False(body.TryGetProperty("code", out _));
        Assert.DoesNotContain("sk_live_leak", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("UNAUTHORIZED", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromApiException_Unreachable_Is502()
    {
        // Arrange
        var exception = new DodoApiException(DodoApiErrorKind.Unreachable, "GET /products/{id}", innerException: new HttpRequestException("connection refused to 10.1.2.3"));
        var context = NewContext(Environments.Development);

        // Act
        var (statusCode, _, body) = await ExecuteAsync(DodoProblems.FromApiException(exception, context), context);

        // Assert
        Assert.Equal(502, statusCode);
        Assert.DoesNotContain("10.1.2.3", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromApiException_UnreadableResponse_Is502()
    {
        // Arrange
        var exception = new DodoApiException(DodoApiErrorKind.UnreadableResponse, "POST /checkouts", HttpStatusCode.OK);
        var context = NewContext(Environments.Development);

        // Act
        var (statusCode, contentType, _) = await ExecuteAsync(DodoProblems.FromApiException(exception, context), context);

        // Assert
        Assert.Equal(502, statusCode);
        Assert.Equal("application/problem+json", contentType);
    }

    [Fact]
    public async Task FromApiException_Timeout_Is504()
    {
        // Arrange
        var exception = new DodoApiException(DodoApiErrorKind.Timeout, "GET /products/{id}");
        var context = NewContext(environment: null);

        // Act
        var (statusCode, _, _) = await ExecuteAsync(DodoProblems.FromApiException(exception, context), context);

        // Assert
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

    /// <summary>A request whose services hold an <see cref="IHostEnvironment"/> named <paramref name="environment"/> (none when null).</summary>
    private static DefaultHttpContext NewContext(string? environment)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails();
        if (environment is not null)
        {
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        }

        return new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
    }

    private static Task<(int StatusCode, string? ContentType, JsonElement Body)> ExecuteAsync(IResult result) =>
        ExecuteAsync(result, NewContext(environment: null));

    private static async Task<(int StatusCode, string? ContentType, JsonElement Body)> ExecuteAsync(IResult result, DefaultHttpContext context)
    {
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        body.Position = 0;
        using var document = await JsonDocument.ParseAsync(body);
        return (context.Response.StatusCode, context.Response.ContentType, document.RootElement.Clone());
    }
}
