using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Testing.Internal;

/// <summary>
/// Kestrel on a free loopback port serving one request delegate, without a generic host. A host would announce itself
/// on the process-wide <c>Microsoft.Extensions.Hosting</c> diagnostic listener, where a <c>WebApplicationFactory</c>
/// still resolving its own app (another test running in parallel) takes the first host built for its own, swapping
/// in its test server: the stand-in would then have no address, and the other test the wrong app.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly ServiceProvider _services;

    private LoopbackServer(KestrelServer server, ServiceProvider services, Uri address)
    {
        _server = server;
        _services = services;
        Address = address;
    }

    /// <summary>The address served, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public static async Task<LoopbackServer> StartAsync(RequestDelegate serve, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging().AddOptions().BuildServiceProvider();
        var options = new KestrelServerOptions { ApplicationServices = services };
        options.Listen(IPAddress.Loopback, 0);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        try
        {
            await server.StartAsync(new Application(serve, services), cancellationToken).ConfigureAwait(false);
            var address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new LoopbackServer(server, services, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            server.Dispose();
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
        await _services.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Application(RequestDelegate serve, IServiceProvider services) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) =>
            new DefaultHttpContext(contextFeatures) { RequestServices = services };

        public Task ProcessRequestAsync(HttpContext context) => serve(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
