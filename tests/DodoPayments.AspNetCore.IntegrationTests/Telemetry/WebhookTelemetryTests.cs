using System.Diagnostics;
using System.Globalization;
using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Telemetry;

/// <summary>
/// The webhook endpoint's metrics and spans: <c>dodo.webhook.deliveries</c> by outcome, reason and event type,
/// <c>dodo.webhook.handler.duration</c>, and a <c>dodo.webhook.process</c> span per delivery, read as a user would
/// (MetricCollector over the app's IMeterFactory, an ActivityListener).
/// </summary>
public sealed class WebhookTelemetryTests
{
    private const string Deliveries = "dodo.webhook.deliveries";
    private const string HandlerDuration = "dodo.webhook.handler.duration";

    [Fact]
    public async Task Post_Processed_CountsOneProcessedDeliveryOfItsType()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_metric_processed");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal(1, delivery.Value);
        Assert.Equal("processed", delivery.Tag("dodo.webhook.outcome"));
        Assert.Equal("payment.succeeded", delivery.Tag("dodo.webhook.event_type"));
        Assert.Null(delivery.Tag("dodo.webhook.reason"));
    }

    [Fact]
    public async Task Post_SameIdTwice_CountsProcessedThenDuplicate()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);
        var body = DodoTestApp.PaymentSucceeded();
        using var first = await host.PostSignedAsync(body, "msg_metric_twice");

        // Act
        using var second = await host.PostSignedAsync(body, "msg_metric_twice");

        // Assert
        Assert.Equal(["processed", "duplicate"], deliveries.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
    }

    [Fact]
    public async Task Post_SameIdWhileTheFirstRuns_CountsInProgress()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);
        var log = host.Services.GetRequiredService<HandlerLog>();
        log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = DodoTestApp.PaymentSucceeded();
        var first = host.PostSignedAsync(body, "msg_metric_busy");
        await log.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Act
        using var duplicate = await host.PostSignedAsync(body, "msg_metric_busy");
        log.Gate.SetResult();
        using var firstResponse = await first;

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(["in_progress", "processed"], deliveries.GetMeasurementSnapshot().Select(m => m.Tag("dodo.webhook.outcome")));
    }

    [Theory]
    [InlineData("v1,c2lnbmF0dXJl", "now", "no_matching_signature")]
    [InlineData("v1,c2lnbmF0dXJl", "1000", "timestamp_too_old")]
    [InlineData(null, "now", "missing_signature")]
    public async Task Post_NotAuthentic_CountsRejectedWithItsReasonAndNoEventType(string? signature, string timestamp, string reason)
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);
        var sentAt = timestamp == "now" ? host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : timestamp;

        // Act
        using var response = await host.PostAsync(DodoTestApp.PaymentSucceeded(), request =>
        {
            request.Headers.Add("webhook-id", "msg_metric_forged");
            request.Headers.Add("webhook-timestamp", sentAt);
            if (signature is not null)
            {
                request.Headers.Add("webhook-signature", signature);
            }
        });

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var delivery = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal("rejected", delivery.Tag("dodo.webhook.outcome"));
        Assert.Equal(reason, delivery.Tag("dodo.webhook.reason"));
        Assert.Null(delivery.Tag("dodo.webhook.event_type"));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_CountsRejectedAsBodyTooLarge()
    {
        // Arrange
        await using var host = await StartAsync(options => options.Webhooks.MaxRequestBodySize = 64);
        using var deliveries = Metrics.Collect<long>(host, Deliveries);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_metric_large");

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var delivery = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal("rejected", delivery.Tag("dodo.webhook.outcome"));
        Assert.Equal("body_too_large", delivery.Tag("dodo.webhook.reason"));
    }

    [Fact]
    public async Task Post_AuthenticButWithoutType_CountsInvalidWithItsReason()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);

        // Act
        using var response = await host.PostSignedAsync("""{"business_id":"bus_1","data":{}}""", "msg_metric_untyped");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var delivery = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal("invalid", delivery.Tag("dodo.webhook.outcome"));
        Assert.Equal("type_missing", delivery.Tag("dodo.webhook.reason"));
    }

    [Fact]
    public async Task Post_TypeThePackageDoesNotKnow_CountsItAsUnknown()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.Envelope("widget.pay_9f8e7d_exploded", "{}"), "msg_metric_unknown");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal("processed", delivery.Tag("dodo.webhook.outcome"));
        Assert.Equal("unknown", delivery.Tag("dodo.webhook.event_type"));
    }

    [Fact]
    public async Task Post_HandlerThrows_CountsFailedAndRecordsTheHandlersAsFailed()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);
        using var durations = Metrics.Collect<double>(host, HandlerDuration);
        host.Services.GetRequiredService<HandlerLog>().FailuresLeft = 1;

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_metric_failed");

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("failed", Assert.Single(deliveries.GetMeasurementSnapshot()).Tag("dodo.webhook.outcome"));
        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("failure", duration.Tag("dodo.webhook.outcome"));
        Assert.Equal("payment.succeeded", duration.Tag("dodo.webhook.event_type"));
    }

    [Fact]
    public async Task Post_HandlerTakesTwoSeconds_RecordsTwoSecondsForItsEventType()
    {
        // Arrange
        await using var host = await StartAsync();
        using var durations = Metrics.Collect<double>(host, HandlerDuration);
        host.Services.GetRequiredService<HandlerLog>().AdvanceClockBy = TimeSpan.FromSeconds(2);

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_metric_slow");

        // Assert
        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(2.0, duration.Value);
        Assert.Equal("payment.succeeded", duration.Tag("dodo.webhook.event_type"));
        Assert.Equal("success", duration.Tag("dodo.webhook.outcome"));
        Assert.Equal("s", durations.Instrument!.Unit);
    }

    [Fact]
    public async Task Post_Processed_EndsOneSpanWithTheWebhookIdTypeAndOutcome()
    {
        // Arrange
        using var spans = new SpanCapture();
        await using var host = await StartAsync();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_span_processed");

        // Assert
        var span = Assert.Single(spans.OfWebhook("msg_span_processed"));
        Assert.Equal("dodo.webhook.process", span.OperationName);
        Assert.Equal("payment.succeeded", span.GetTagItem("dodo.webhook.event_type"));
        Assert.Equal("processed", span.GetTagItem("dodo.webhook.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Post_HandlerThrows_EndsTheSpanInErrorWithTheException()
    {
        // Arrange
        using var spans = new SpanCapture();
        await using var host = await StartAsync();
        host.Services.GetRequiredService<HandlerLog>().FailuresLeft = 1;

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_span_failed");

        // Assert
        var span = Assert.Single(spans.OfWebhook("msg_span_failed"));
        Assert.Equal("failed", span.GetTagItem("dodo.webhook.outcome"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var exception = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, tag => tag.Key == "exception.type" && (string?)tag.Value == typeof(InvalidOperationException).FullName);
    }

    [Fact]
    public async Task Post_Processed_HandlersRunInsideTheWebhookSpan()
    {
        // Arrange
        using var spans = new SpanCapture();
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<SpanProbeHandler>().Services.AddSingleton<SpanProbe>());

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded(), "msg_span_parent");

        // Assert
        var webhookSpan = Assert.Single(spans.OfWebhook("msg_span_parent"));
        Assert.Equal(ActivityKind.Internal, webhookSpan.Kind);
        Assert.Equal(webhookSpan.SpanId, host.Services.GetRequiredService<SpanProbe>().Current?.SpanId);
    }

    [Fact]
    public async Task ProcessStoredMessage_Processed_EndsASpanButCountsNoDelivery()
    {
        // Arrange
        using var spans = new SpanCapture();
        await using var host = await StartAsync();
        using var deliveries = Metrics.Collect<long>(host, Deliveries);
        var processor = host.Services.GetRequiredService<DodoPayments.AspNetCore.Webhooks.DodoWebhookProcessor>();
        var message = new DodoPayments.AspNetCore.Webhooks.WebhookInboxMessage(
            "msg_span_stored", "payment.succeeded", System.Text.Encoding.UTF8.GetBytes(DodoTestApp.PaymentSucceeded()), host.Clock.GetUtcNow(), host.Clock.GetUtcNow());

        // Act
        var outcome = await processor.ProcessAsync(message);

        // Assert
        Assert.True(outcome.IsSuccess);
        var span = Assert.Single(spans.OfWebhook("msg_span_stored"));
        Assert.Equal("processed", span.GetTagItem("dodo.webhook.outcome"));
        Assert.Empty(deliveries.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Deliveries_OfEveryOutcome_NoMetricTagValueIsAnIdOrAnEmail()
    {
        // Arrange
        await using var host = await StartAsync();
        using var recorder = new MeterRecorder(host);
        host.Services.GetRequiredService<HandlerLog>().FailuresLeft = 1;
        var body = DodoTestApp.PaymentSucceeded("pay_secret_1", 4242);

        // Act
        using var failed = await host.PostSignedAsync(body, "msg_tagged_1");
        using var processed = await host.PostSignedAsync(body, "msg_tagged_1");
        using var duplicate = await host.PostSignedAsync(body, "msg_tagged_1");
        using var unknown = await host.PostSignedAsync(DodoTestApp.Envelope("msg_tagged_type", """{"email":"ann@example.com"}"""), "msg_tagged_2");
        using var invalid = await host.PostSignedAsync("""{"type":"payment.succeeded","data":[]}""", "msg_tagged_3");
        using var forged = await host.PostAsync(body, request =>
        {
            request.Headers.Add("webhook-id", "msg_tagged_4");
            request.Headers.Add("webhook-timestamp", "1");
            request.Headers.Add("webhook-signature", "v1,AAAA");
        });

        // Assert
        var values = recorder.Measurements.SelectMany(m => m.Tags).Select(tag => Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        Assert.NotEmpty(values);
        Assert.Contains(recorder.Measurements, m => m.Instrument == Deliveries);
        Assert.Contains(recorder.Measurements, m => m.Instrument == HandlerDuration);
        Assert.DoesNotContain(recorder.Measurements.SelectMany(m => m.Tags), tag => tag.Key == "dodo.webhook.id");
        Assert.All(values, value =>
        {
            Assert.DoesNotContain("msg_", value, StringComparison.Ordinal);
            Assert.DoesNotContain("pay_", value, StringComparison.Ordinal);
            Assert.DoesNotContain("cus_", value, StringComparison.Ordinal);
            Assert.DoesNotContain("bus_", value, StringComparison.Ordinal);
            Assert.DoesNotContain("@", value, StringComparison.Ordinal);
            Assert.DoesNotContain("4242", value, StringComparison.Ordinal);
        });
    }

    private static Task<DodoTestApp> StartAsync(Action<DodoPaymentsOptions>? options = null) =>
        DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>(), options);
}

/// <summary>The span a handler runs in.</summary>
internal sealed class SpanProbe
{
    public Activity? Current { get; set; }
}

/// <summary>Records <see cref="Activity.Current"/> as a handler sees it.</summary>
internal sealed class SpanProbeHandler(SpanProbe probe) : DodoPayments.AspNetCore.Webhooks.IPaymentSucceededHandler
{
    public Task HandleAsync(DodoPayments.AspNetCore.Webhooks.PaymentSucceededEvent webhookEvent, CancellationToken cancellationToken)
    {
        probe.Current = Activity.Current;
        return Task.CompletedTask;
    }
}
