using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

public sealed class WebhookLoggingTests
{
    [Fact]
    public async Task Post_HandlersSlowerThanThreshold_LogsAWarning()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        host.App.Services.GetRequiredService<HandlerLog>().AdvanceClockBy = TimeSpan.FromSeconds(11);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_slow");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(host.Logs.GetSnapshot(), entry => entry.Id.Id == 308);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("msg_slow", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HandlersFasterThanThreshold_LogsNoWarning()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        host.App.Services.GetRequiredService<HandlerLog>().AdvanceClockBy = TimeSpan.FromSeconds(9);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), entry => entry.Id.Id == 308);
    }

    [Fact]
    public async Task Post_AnyOutcome_NeverLogsKeysSignaturesBodiesOrCustomerData()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var body = DodoTestApp.PaymentSucceeded("pay_secretive");
        var signature = host.Signer.Sign("msg_log", host.Clock.GetUtcNow(), body);

        // Act
        using var ok = await host.PostSignedAsync(body, "msg_log");
        using var forged = await host.PostAsync(body.Replace("1500", "1", StringComparison.Ordinal), request =>
        {
            request.Headers.Add("webhook-id", "msg_forged");
            request.Headers.Add("webhook-timestamp", host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString());
            request.Headers.Add("webhook-signature", signature);
        });
        using var unreadable = await host.PostSignedAsync("""{"type":"payment.succeeded","data":{"payment_id":"pay_x","total_amount":"ann@example.com"}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        var everything = string.Join('\n', host.Logs.GetSnapshot().Select(entry => entry.Message + " " + string.Join(' ', entry.Scopes)));
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(signature["v1,".Length..], everything, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("total_amount", everything, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), entry => entry.Id.Id == 300);
    }

    [Fact]
    public async Task Post_Processed_LogsWithinAScopeCarryingWebhookIdAndType()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_scoped");

        // Assert
        var processed = Assert.Single(host.Logs.GetSnapshot(), entry => entry.Id.Id == 300);
        var scope = Assert.Single(processed.Scopes.OfType<IReadOnlyList<KeyValuePair<string, object?>>>(), candidate => candidate.Any(pair => pair.Key == "WebhookId"));
        Assert.Contains(new KeyValuePair<string, object?>("WebhookId", "msg_scoped"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("WebhookType", "payment.succeeded"), scope);
    }
}
