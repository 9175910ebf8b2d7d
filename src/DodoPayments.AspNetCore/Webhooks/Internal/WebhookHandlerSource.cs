using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>One service type handlers of an event are registered as (e.g. <see cref="IPaymentSucceededHandler"/>), and how to call them.</summary>
internal abstract class WebhookHandlerSource
{
    /// <summary>The handlers registered as this service type, in registration order.</summary>
    public abstract IEnumerable<object> Resolve(IServiceProvider services);

    /// <summary>Runs one of the handlers <see cref="Resolve"/> returned.</summary>
    public abstract Task InvokeAsync(object handler, WebhookEvent webhookEvent, CancellationToken cancellationToken);
}

/// <summary>The handlers registered as <typeparamref name="THandler"/>, receiving <typeparamref name="TEvent"/>.</summary>
internal sealed class WebhookHandlerSource<THandler, TEvent> : WebhookHandlerSource
    where THandler : class, IWebhookHandler<TEvent>
    where TEvent : WebhookEvent
{
    private WebhookHandlerSource()
    {
    }

    public static WebhookHandlerSource<THandler, TEvent> Instance { get; } = new();

    public override IEnumerable<object> Resolve(IServiceProvider services) => services.GetServices<THandler>()!;

    public override Task InvokeAsync(object handler, WebhookEvent webhookEvent, CancellationToken cancellationToken) =>
        ((THandler)handler).HandleAsync((TEvent)webhookEvent, cancellationToken);
}
