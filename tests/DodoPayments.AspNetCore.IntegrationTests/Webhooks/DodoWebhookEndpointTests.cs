using System.Net;
using System.Net.Http.Json;
using System.Text;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

public sealed class DodoWebhookEndpointTests
{
    [Fact]
    public async Task Post_SignedPaymentSucceeded_Answers200AndRunsHandlerWithTypedData()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_42", 2599), "msg_typed");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.IsType<PaymentSucceededEvent>(Assert.Single(log.Events));
        Assert.Equal("msg_typed", received.Id);
        Assert.Equal("payment.succeeded", received.Type);
        Assert.Equal("bus_test", received.BusinessId);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 11, 59, 58, TimeSpan.Zero), received.Timestamp);
        Assert.Equal("pay_42", received.Data.PaymentId);
        Assert.Equal(2599, received.Data.TotalAmount);
        Assert.Equal("USD", received.Data.Currency);
        Assert.Equal("ann@example.com", received.Data.Customer.Email);
        Assert.Equal("42", received.Data.Metadata["order"]);
        Assert.Equal("Payment", received.RawData.GetProperty("payload_type").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Request_MethodOtherThanPost_Answers405(string method)
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), DodoTestApp.WebhookRoute);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    public static TheoryData<string, Action<HttpRequestMessage, string, string>> SignatureFailures => new()
    {
        { "MissingId", (request, timestamp, signature) => { request.Headers.Add("webhook-timestamp", timestamp); request.Headers.Add("webhook-signature", signature); } },
        { "MissingId", (request, timestamp, signature) => { request.Headers.Add("webhook-id", ""); request.Headers.Add("webhook-timestamp", timestamp); request.Headers.Add("webhook-signature", signature); } },
        { "MissingTimestamp", (request, _, signature) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-signature", signature); } },
        { "MissingSignature", (request, timestamp, _) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-timestamp", timestamp); } },
        { "InvalidTimestamp", (request, timestamp, signature) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-timestamp", timestamp + "ms"); request.Headers.Add("webhook-signature", signature); } },
        { "NoMatchingSignature", (request, timestamp, _) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-timestamp", timestamp); request.Headers.Add("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="); } },
        { "NoMatchingSignature", (request, timestamp, signature) => { request.Headers.Add("webhook-id", "msg_2"); request.Headers.Add("webhook-timestamp", timestamp); request.Headers.Add("webhook-signature", signature); } },
        { "NoMatchingSignature", (request, timestamp, signature) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-timestamp", timestamp); request.Headers.Add("webhook-signature", signature.Replace("v1,", "v2,", StringComparison.Ordinal)); } },
        { "TimestampTooOld", (request, timestamp, signature) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-timestamp", (long.Parse(timestamp) - 301).ToString()); request.Headers.Add("webhook-signature", signature); } },
        { "TimestampTooNew", (request, timestamp, signature) => { request.Headers.Add("webhook-id", "msg_1"); request.Headers.Add("webhook-timestamp", (long.Parse(timestamp) + 301).ToString()); request.Headers.Add("webhook-signature", signature); } },
    };

    [Theory]
    [MemberData(nameof(SignatureFailures))]
    public async Task Post_SignatureFailure_Answers401WithTheSameGenericBodyAndLogsTheReason(string reason, Action<HttpRequestMessage, string, string> setHeaders)
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var body = DodoTestApp.PaymentSucceeded();
        var now = host.Clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds().ToString();
        var signature = host.Signer.Sign("msg_1", now, body);

        // Act
        using var response = await host.PostAsync(body, request => setHeaders(request, timestamp, signature));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("The webhook signature could not be verified.", problem?.Title);
        Assert.Equal(401, problem?.Status);
        Assert.Null(problem?.Detail);
        Assert.Empty(host.App.Services.GetRequiredService<HandlerLog>().Calls);
        var logged = Assert.Single(host.Logs.GetSnapshot(), entry => entry.Id.Id == 301);
        Assert.EndsWith($": {reason}.", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignatureEntriesSplitOverSeveralHeaderLines_AreAllConsidered()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var body = DodoTestApp.PaymentSucceeded();
        var now = host.Clock.GetUtcNow();

        // Act
        using var response = await host.PostAsync(body, request =>
        {
            request.Headers.Add("webhook-id", "msg_1");
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString());
            request.Headers.TryAddWithoutValidation("webhook-signature", ["v1,bm90IHRoaXMgb25lIGVpdGhlciwgaXQgaXMgMzIgYnl0ZXM=", host.Signer.Sign("msg_1", now, body)]);
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyReformattedAfterSigning_Answers401()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var signed = DodoTestApp.PaymentSucceeded();
        var reformatted = signed.Replace(",", ", ", StringComparison.Ordinal);
        var now = host.Clock.GetUtcNow();

        // Act
        using var response = await host.PostAsync(reformatted, request =>
        {
            request.Headers.Add("webhook-id", "msg_1");
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString());
            request.Headers.Add("webhook-signature", host.Signer.Sign("msg_1", now, signed));
        });

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyLargerThanLimitByContentLength_Answers413()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(configureOptions: options => options.Webhooks.MaxRequestBodySize = 1024);
        var body = DodoTestApp.Envelope("payment.succeeded", $$"""{"payment_id":"pay_1","note":"{{new string('x', 2000)}}"}""");

        // Act
        using var response = await host.PostSignedAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 303);
    }

    [Fact]
    public async Task Post_ChunkedBodyLargerThanLimit_Answers413WhileReading()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(configureOptions: options => options.Webhooks.MaxRequestBodySize = 1024);
        var body = DodoTestApp.Envelope("payment.succeeded", $$"""{"payment_id":"pay_1","note":"{{new string('x', 5000)}}"}""");
        using var request = host.Signer.CreateRequest(DodoTestApp.WebhookRoute, body, timestamp: host.Clock.GetUtcNow());
        request.Content = new UnknownLengthContent(Encoding.UTF8.GetBytes(body));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyExactlyAtLimit_Answers200()
    {
        // Arrange
        var body = DodoTestApp.PaymentSucceeded();
        await using var host = await DodoTestApp.StartWebhooksAsync(configureOptions: options => options.Webhooks.MaxRequestBodySize = Encoding.UTF8.GetByteCount(body));

        // Act
        using var response = await host.PostSignedAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"payment.succeeded\",")]
    [InlineData("[1,2,3]")]
    [InlineData("{}")]
    [InlineData("""{"business_id":"bus_1","timestamp":"2026-01-15T12:00:00Z","data":{"payment_id":"pay_1"}}""")]
    [InlineData("""{"business_id":"bus_1","type":null,"data":{"payment_id":"pay_1"}}""")]
    [InlineData("""{"business_id":"bus_1","type":42,"data":{"payment_id":"pay_1"}}""")]
    [InlineData("""{"business_id":"bus_1","type":["payment.succeeded"],"data":{"payment_id":"pay_1"}}""")]
    [InlineData("""{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":"pay_1"}""")]
    [InlineData("""{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z"}""")]
    [InlineData("""{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{"total_amount":100}}""")]
    [InlineData("""{"business_id":"bus_1","type":"refund.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{"refund_id":""}}""")]
    [InlineData("""{"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{"payment_id":"pay_1","total_amount":"twelve"}}""")]
    public async Task Post_VerifiedButUnreadableBody_Answers400AndRunsNoHandler(string body)
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<AuditHandler>().Services.AddSingleton<HandlerLog>());

        // Act
        using var response = await host.PostSignedAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.App.Services.GetRequiredService<HandlerLog>().Calls);
    }

    [Fact]
    public async Task Post_SignedWebhookIdLongerThan256Characters_Answers400AndRunsNoHandler()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<AuditHandler>().Services.AddSingleton<HandlerLog>());

        // Act
        using var longest = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), new string('a', 256));
        using var tooLong = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), new string('b', 257));

        // Assert
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Single(host.App.Services.GetRequiredService<HandlerLog>().Calls);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 319);
    }

    [Fact]
    public async Task Post_UnsignedWebhookIdLongerThan256Characters_Answers401NotMore()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var body = DodoTestApp.PaymentSucceeded();
        var now = host.Clock.GetUtcNow();

        // Act
        using var response = await host.PostAsync(body, request =>
        {
            request.Headers.Add("webhook-id", new string('c', 5000));
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString());
            request.Headers.Add("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        });

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownTypeWithAnyData_Answers200()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();

        // Act
        using var response = await host.PostSignedAsync("""{"business_id":"bus_1","type":"invoice.finalized","timestamp":"2026-01-15T12:00:00Z","data":42}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnderMapGroup_AnswersAtTheGroupedRoute()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(map: app => app.MapGroup("/billing").MapDodoWebhooks("/dodo"));

        // Act
        using var grouped = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), route: "/billing/dodo");
        using var ungrouped = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), route: DodoTestApp.WebhookRoute);

        // Assert
        Assert.Equal(HttpStatusCode.OK, grouped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ungrouped.StatusCode);
    }

    [Fact]
    public async Task Post_KeyRotatedByConfigurationReload_AcceptsTheNewKeyWithoutRestart()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var newSigner = new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(DodoTestApp.OtherSecret, host.Clock);
        var body = DodoTestApp.PaymentSucceeded();
        async Task<HttpStatusCode> PostWithNewKeyAsync()
        {
            using var request = newSigner.CreateRequest(DodoTestApp.WebhookRoute, body);
            using var response = await host.Client.SendAsync(request);
            return response.StatusCode;
        }

        var before = await PostWithNewKeyAsync();

        // Act
        host.App.Configuration[$"{DodoPaymentsOptions.SectionName}:WebhookKey"] = DodoTestApp.OtherSecret;
        ((IConfigurationRoot)host.App.Configuration).Reload();
        var after = await PostWithNewKeyAsync();
        using var oldKeyResponse = await host.PostSignedAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, before);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(HttpStatusCode.Unauthorized, oldKeyResponse.StatusCode);
    }

    [Fact]
    public async Task Post_OldKeyKeptInWebhookKeys_AcceptsBothKeysDuringRotation()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(configureOptions: options =>
        {
            options.WebhookKey = DodoTestApp.OtherSecret;
            options.WebhookKeys = [DodoTestApp.Secret];
        });
        var newSigner = new DodoPayments.AspNetCore.Testing.DodoWebhookSigner(DodoTestApp.OtherSecret, host.Clock);

        // Act
        using var oldKey = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded());
        using var request = newSigner.CreateRequest(DodoTestApp.WebhookRoute, DodoTestApp.PaymentSucceeded());
        using var newKey = await host.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, oldKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newKey.StatusCode);
    }

    [Fact]
    public void MapDodoWebhooks_WithoutAddDodoPayments_ThrowsSayingSo()
    {
        // Arrange
        var builder = WebApplication.CreateBuilder();
        using var app = builder.Build();

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => app.MapDodoWebhooks());

        // Assert
        Assert.Contains("AddDodoPayments", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapDodoWebhooks_Endpoint_IsAnonymousAndExcludedFromApiDescriptions()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();
        var endpoint = host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Single(candidate => candidate.RoutePattern.RawText == DodoTestApp.WebhookRoute);

        // Act
        var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>();
        var excluded = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>();
        var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>();

        // Assert
        Assert.NotNull(anonymous);
        Assert.True(excluded?.ExcludeFromDescription);
        Assert.Equal(["POST"], methods?.HttpMethods);
    }

    /// <summary>Content without a Content-Length, so the limit must be enforced while reading.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
