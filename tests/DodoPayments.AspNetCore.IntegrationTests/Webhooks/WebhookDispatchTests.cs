using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

public sealed class WebhookDispatchTests
{
    public static TheoryData<string> EventTypes => DodoShapedPayloads.EventTypes;

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task Post_EachKnownEventType_ReachesItsHandlerInterfaceAsItsEventClass(string type)
    {
        // Arrange: payment.succeeded → PaymentSucceededEvent and IPaymentSucceededHandler (API.md §4).
        var recorder = new HandlerInterfaceRecorder();
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => recorder.RegisterEachHandlerInterface(dodo.Services));
        var name = string.Concat(type.Split('.', '_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

        // Act
        using var response = await host.PostSignedAsync(DodoShapedPayloads.Read(type), "msg_" + type);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (receivedBy, webhookEvent) = Assert.Single(recorder.Received);
        Assert.Equal($"I{name}Handler", receivedBy.Name);
        Assert.Equal($"{name}Event", webhookEvent.GetType().Name);
        Assert.Equal(type, webhookEvent.GetType().GetField("EventType")?.GetRawConstantValue());
        Assert.Equal(type, webhookEvent.Type);
        Assert.Equal("msg_" + type, webhookEvent.Id);
    }

    [Fact]
    public async Task Post_KnownEvent_RunsEventHandlersThenCatchAllEachOnce()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo =>
        {
            dodo.AddWebhookHandler<AuditHandler>()
                .AddWebhookHandler<PaymentHandler>()
                .AddWebhookHandler<PaymentHandler>()
                .Services.AddSingleton<HandlerLog>()
                .AddScoped<IWebhookHandler<PaymentSucceededEvent>, GenericPaymentHandler>();
        });
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_7"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["payment:pay_7", "generic-payment", "audit:payment.succeeded"], log.Calls);
    }

    [Fact]
    public async Task Post_HandlerRegisteredPlainly_IsResolvedFromTheRequestScope()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.Services
            .AddSingleton<HandlerLog>()
            .AddScoped<IPaymentSucceededHandler, PaymentHandler>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_plain"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["payment:pay_plain"], log.Calls);
    }

    [Fact]
    public async Task Post_OneHandlerImplementingTwoInterfaces_GetsEachOfItsEvents()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo.AddWebhookHandler<PaymentHandler>().Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var payment = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_1"));
        using var subscription = await host.PostSignedAsync(DodoTestApp.Envelope("subscription.active", """{"subscription_id":"sub_1","status":"active"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, subscription.StatusCode);
        Assert.Equal(["payment:pay_1", "subscription:sub_1"], log.Calls);
    }

    [Fact]
    public async Task Post_UnknownType_ReachesUnknownAndCatchAllHandlersWithRawData()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo
            .AddWebhookHandler<UnknownHandler>()
            .AddWebhookHandler<AuditHandler>()
            .Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.Envelope("invoice.finalized", """{"invoice_id":"inv_1"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["unknown:invoice.finalized", "audit:invoice.finalized"], log.Calls);
        var unknown = Assert.IsType<UnknownWebhookEvent>(log.Events.First());
        Assert.Equal("inv_1", unknown.Data.GetProperty("invoice_id").GetString());
        Assert.Equal("bus_test", unknown.BusinessId);
    }

    [Fact]
    public async Task Post_NoHandlerRegistered_Answers200()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync();

        // Act
        using var response = await host.PostSignedAsync(DodoTestApp.Envelope("dispute.opened", """{"dispute_id":"dsp_1","amount":1500}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void AddWebhookHandler_TypeImplementingNoHandlerInterface_Throws()
    {
        // Arrange
        var builder = new ServiceCollection().AddDodoPayments();

        // Act
        var exception = Assert.Throws<ArgumentException>(() => builder.AddWebhookHandler<NotAHandler>());

        // Assert
        Assert.Contains(nameof(NotAHandler), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_HandlerAddedTwice_RunsOncePerEvent()
    {
        // Arrange
        await using var host = await DodoTestApp.StartWebhooksAsync(dodo => dodo
            .AddWebhookHandler<PaymentHandler>()
            .AddWebhookHandler<PaymentHandler>()
            .Services.AddSingleton<HandlerLog>());
        var log = host.App.Services.GetRequiredService<HandlerLog>();

        // Act
        using var payment = await host.PostSignedAsync(DodoTestApp.PaymentSucceeded("pay_twice"));
        using var subscription = await host.PostSignedAsync(DodoTestApp.Envelope("subscription.active", """{"subscription_id":"sub_twice","status":"active"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, subscription.StatusCode);
        Assert.Equal(["payment:pay_twice", "subscription:sub_twice"], log.Calls);
    }
}
