using System.Collections.Concurrent;
using System.Reflection;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// Stands in for an app with one handler per event type: it registers a recording handler as each event's own handler
/// interface only (not <c>IWebhookHandler&lt;TEvent&gt;</c>), and records which interface each event reached. The
/// interfaces are found in the library by reflection (tests only), not taken from its registry, so a type the registry
/// lacks shows as an event that never arrives.
/// </summary>
internal sealed class HandlerInterfaceRecorder
{
    /// <summary>Every public interface of the library that extends <c>IWebhookHandler&lt;TEvent&gt;</c>.</summary>
    public static IReadOnlyList<Type> HandlerInterfaces { get; } = [.. typeof(WebhookEvent).Assembly.GetExportedTypes()
        .Where(type => type.IsInterface && Array.Exists(type.GetInterfaces(), IsWebhookHandler))];

    public ConcurrentQueue<(Type HandlerInterface, WebhookEvent Event)> Received { get; } = new();

    public void RegisterEachHandlerInterface(IServiceCollection services)
    {
        foreach (var handlerInterface in HandlerInterfaces)
        {
            services.AddScoped(handlerInterface, _ => RecordingHandler.Create(handlerInterface, this));
        }
    }

    private static bool IsWebhookHandler(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IWebhookHandler<>);

    /// <summary>A handler implementing one handler interface: its only method, <c>HandleAsync</c>, records the event.</summary>
    public class RecordingHandler : DispatchProxy
    {
        private HandlerInterfaceRecorder? _recorder;
        private Type? _handlerInterface;

        public static object Create(Type handlerInterface, HandlerInterfaceRecorder recorder)
        {
            var handler = (RecordingHandler)DispatchProxy.Create(handlerInterface, typeof(RecordingHandler));
            handler._recorder = recorder;
            handler._handlerInterface = handlerInterface;
            return handler;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _recorder!.Received.Enqueue((_handlerInterface!, (WebhookEvent)args![0]!));
            return Task.CompletedTask;
        }
    }
}
