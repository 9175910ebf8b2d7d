using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DodoPayments.AspNetCore.Diagnostics;
using DodoPayments.AspNetCore.LoadApp;
using DodoPayments.AspNetCore.Testing;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Benchmarks.Webhooks;

/// <summary>
/// Where the time and bytes of one inline delivery go: each stage of <see cref="DodoWebhookProcessor"/> alone, for the
/// same 2 KiB <c>payment.succeeded</c> as <see cref="WebhookPipelineBenchmarks"/>, with the whole processor as the
/// reference in the same run. Logging is the load app's: the console provider at Warning.
/// </summary>
[MemoryDiagnoser]
public class WebhookStageBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string WebhookId = "msg_bench";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_768_478_400);

    private ServiceProvider _services = null!;
    private DodoWebhookProcessor _processor = null!;
    private WebhookKeySet _keys = null!;
    private InMemoryWebhookIdempotencyStore _store = null!;
    private DodoInstrumentation _instrumentation = null!;
    private ILogger _logger = null!;
    private WebhookEventDescriptor _descriptor = null!;
    private WebhookEvent _event = null!;
    private WebhookClaim _claim = null!;
    private byte[] _body = [];
    private byte[] _data = [];
    private System.Text.Json.Serialization.Metadata.JsonTypeInfo<Payment> _paymentTypeInfo = null!;
    private string _signature = string.Empty;
    private string _timestamp = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var body = WebhookPayloads.PaymentSucceeded(2048);
        _body = Encoding.UTF8.GetBytes(body);
        _timestamp = SentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _signature = new DodoWebhookSigner(Secret).Sign(WebhookId, SentAt, body);
        _keys = new WebhookKeySet([WebhookSecret.TryDecode(Secret, out var key) ? key : throw new InvalidOperationException("Bad secret.")]);
        using (var document = JsonDocument.Parse(_body))
        {
            _data = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("data").GetRawText());
        }

        _paymentTypeInfo = WebhookJson.TypeInfo<Payment>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole());
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(SentAt));
        services.AddSingleton<IWebhookIdempotencyStore, ForgetfulStore>();
        services.AddDodoPayments(options => options.WebhookKey = Secret).AddWebhookHandler<CountingHandler>();
        _services = services.BuildServiceProvider();
        _processor = _services.GetRequiredService<DodoWebhookProcessor>();
        _instrumentation = _services.GetRequiredService<DodoInstrumentation>();
        _logger = _services.GetRequiredService<ILogger<DodoWebhookProcessor>>();
        _store = new InMemoryWebhookIdempotencyStore(new FixedTimeProvider(SentAt));
        var read = WebhookEventReader.Read(_body, WebhookId, SentAt);
        _descriptor = read.Descriptor!;
        _event = read.Event!;
        _claim = WebhookClaim.Claimed(WebhookId, Guid.NewGuid());
        if (!Verify() || ReadEnvelopeAndData() is null || ParseTypedData() is null
            || Processor().AsTask().GetAwaiter().GetResult() != DodoWebhookOutcomeKind.Processed
            || InMemoryStoreClaimCommitComplete().AsTask().GetAwaiter().GetResult() is false)
        {
            throw new InvalidOperationException("A stage does not work.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Reference: the whole inline delivery (verify → read → claim → dispatch → complete), always-granting store.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask<DodoWebhookOutcomeKind> Processor() =>
        (await _processor.ProcessAsync(_body, WebhookId, _timestamp, _signature)).Kind;

    /// <summary>Signature verification alone.</summary>
    [Benchmark]
    public bool Verify() =>
        WebhookSignatureVerifier.Verify(_body, WebhookId, _timestamp, _signature, _keys, SentAt, TimeSpan.FromMinutes(5), out _) == WebhookVerificationResult.Verified;

    /// <summary>Reading the event: the envelope, the typed data and the raw data kept for <c>RawData</c>.</summary>
    [Benchmark]
    public WebhookEvent? ReadEnvelopeAndData() => WebhookEventReader.Read(_body, WebhookId, SentAt).Event;

    /// <summary>The typed <c>data</c> alone: <c>Payment</c> through the payload options, from the bytes of <c>data</c>.</summary>
    [Benchmark]
    public Payment? ParseTypedData() => JsonSerializer.Deserialize(_data, _paymentTypeInfo);

    /// <summary>The copy of the bytes of <c>data</c> that <c>RawData</c> keeps (the body is the caller's).</summary>
    [Benchmark]
    public byte[] CopyRawData() => _data.AsSpan().ToArray();

    /// <summary>DI: a scope, discovering the handlers in it and resolving the first to run there (the processor's way).</summary>
    [Benchmark]
    public object ScopeAndHandlerResolution()
    {
        using var scope = _services.CreateScope();
        var slots = WebhookHandlerPlan.Discover(_descriptor, _event, scope.ServiceProvider);
        return slots[0].Resolve(scope.ServiceProvider);
    }

    /// <summary>DI as it was: discovering the handlers in one scope, then the handler's own scope and resolution.</summary>
    [Benchmark]
    public object TwoScopesAndHandlerResolution()
    {
        using var scope = _services.CreateScope();
        var slots = WebhookHandlerPlan.Discover(_descriptor, _event, scope.ServiceProvider);
        using var handlerScope = _services.CreateScope();
        return slots[0].Resolve(handlerScope.ServiceProvider);
    }

    /// <summary>The in-memory store: claim, begin and commit one handler, complete (retention 0 so the id is claimable again).</summary>
    [Benchmark]
    public async ValueTask<bool> InMemoryStoreClaimCommitComplete()
    {
        var claim = await _store.TryClaimAsync(WebhookId, TimeSpan.FromMinutes(5), default);
        var completion = await _store.BeginHandlerAsync(claim, "handler", _services, default);
        await completion.CommitAsync(default);
        await completion.DisposeAsync();
        return await _store.CompleteAsync(claim, TimeSpan.Zero, default);
    }

    /// <summary>The log scope of a delivery (console provider, Warning).</summary>
    [Benchmark]
    public bool LogScope()
    {
        using var scope = _logger.BeginScope(new WebhookLogScope(WebhookId, "payment.succeeded"));
        return scope is null;
    }

    /// <summary>The handlers' token source, its two registrations and the lease renewer's timer.</summary>
    [Benchmark]
    public async ValueTask<bool> HandlerTokenAndLeaseTimer()
    {
        using var handlerToken = new CancellationTokenSource();
        using var onStopping = CancellationToken.None.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), handlerToken);
        var renewer = new WebhookLeaseRenewer(_store, _claim, TimeSpan.FromMinutes(5), TimeProvider.System, handlerToken, TimeSpan.FromMinutes(1), _logger);
        await renewer.DisposeAsync();
        return renewer.Lost;
    }

    /// <summary>Span and metrics with nobody listening.</summary>
    [Benchmark]
    public DodoWebhookOutcomeKind InstrumentationNoListener()
    {
        using var activity = DodoInstrumentation.StartWebhook();
        _instrumentation.HandlersRan("payment.succeeded", new WebhookRunResult(WebhookRunStatus.Completed, 1), TimeSpan.Zero);
        return _instrumentation.Delivered(DodoWebhookOutcome.Processed(WebhookId, "payment.succeeded", 1), activity).Kind;
    }
}
