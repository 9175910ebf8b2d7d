using System.Text;
using BenchmarkDotNet.Attributes;
using DodoPayments.AspNetCore.LoadApp;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Benchmarks.Webhooks;

/// <summary>
/// The whole endpoint in process for a 2 KiB <c>payment.succeeded</c>: read the raw body → verify → parse → claim →
/// dispatch to one handler (in its own scope, lease renewal armed) → complete; and the same without HTTP through
/// <see cref="DodoWebhookProcessor"/>. The idempotency store always grants the claim so every call does the full work.
/// </summary>
[MemoryDiagnoser]
public class WebhookPipelineBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_768_478_400);

    private ServiceProvider _services = null!;
    private DodoWebhookEndpoint _endpoint = null!;
    private DodoWebhookProcessor _processor = null!;
    private byte[] _body = [];
    private string _signature = string.Empty;
    private string _timestamp = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var body = WebhookPayloads.PaymentSucceeded(2048);
        _body = Encoding.UTF8.GetBytes(body);
        _timestamp = SentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _signature = new DodoWebhookSigner(Secret).Sign("msg_bench", SentAt, body);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(SentAt));
        services.AddSingleton<IWebhookIdempotencyStore, ForgetfulStore>();
        services.AddDodoPayments(options => options.WebhookKey = Secret).AddWebhookHandler<CountingHandler>();
        _services = services.BuildServiceProvider();
        _endpoint = _services.GetRequiredService<DodoWebhookEndpoint>();
        _processor = _services.GetRequiredService<DodoWebhookProcessor>();
        var handledBefore = CountingHandler.Total;
        var status = ReadVerifyParseDispatch2KiB().GetAwaiter().GetResult();
        var outcome = ProcessorVerifyParseDispatch2KiB().GetAwaiter().GetResult();
        if (status != StatusCodes.Status200OK || outcome != DodoWebhookOutcomeKind.Processed || CountingHandler.Total == handledBefore || _body.Length != 2048)
        {
            throw new InvalidOperationException($"The benchmark delivery is not processed: {status}, {outcome}, {CountingHandler.Total}, {_body.Length} bytes.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> ReadVerifyParseDispatch2KiB()
    {
        await using var scope = _services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentLength = _body.Length;
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Request.Headers["webhook-id"] = "msg_bench";
        context.Request.Headers["webhook-timestamp"] = _timestamp;
        context.Request.Headers["webhook-signature"] = _signature;
        await _endpoint.HandleAsync(context);
        return context.Response.StatusCode;
    }

    [Benchmark]
    public async Task<DodoWebhookOutcomeKind> ProcessorVerifyParseDispatch2KiB()
    {
        var outcome = await _processor.ProcessAsync(_body, "msg_bench", _timestamp, _signature);
        return outcome.Kind;
    }
}
