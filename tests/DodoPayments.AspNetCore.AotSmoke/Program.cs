// The Native AOT smoke app: every MapDodo* endpoint, a webhook handler, the health check, a listener on the package's
// meter, and the Dodo API stand-in on a loopback port.
//   AotSmoke [--urls http://127.0.0.1:0]   serves; prints "listening: <address>" once it accepts requests
//   AotSmoke sign <webhook-id>              prints the three webhook headers for the body read from standard input
using System.Diagnostics.Metrics;
using System.Globalization;
using DodoPayments.AspNetCore;
using DodoPayments.AspNetCore.AotSmoke;
using DodoPayments.AspNetCore.Testing;

const string WebhookKey = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

if (args is ["sign", var webhookId])
{
    var body = await Console.In.ReadToEndAsync();
    var timestamp = TimeProvider.System.GetUtcNow();
    Console.WriteLine($"webhook-id: {webhookId}");
    Console.WriteLine($"webhook-timestamp: {timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
    Console.WriteLine($"webhook-signature: {new DodoWebhookSigner(WebhookKey).Sign(webhookId, timestamp, body)}");
    return 0;
}

await using var dodo = new DodoApiStandIn()
    .AddOneTimeProduct("pdt_book", "Book", 1999)
    .AddOneTimeProduct("pdt_broken", "Unavailable")
    .AddSubscriptionProduct("pdt_basic", "Basic", 3000)
    .AddSubscriptionProduct("pdt_pro", "Pro", 8000)
    .AddSubscription("sub_smoke", "pdt_basic", "cus_smoke")
    .Fail(HttpMethod.Get, "/products/pdt_broken", 503);
var dodoAddress = await dodo.StartAsync();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DodoPayments:ApiKey"] = "sk_test_aot_smoke",
    ["DodoPayments:Environment"] = "test_mode",
    ["DodoPayments:ReturnUrl"] = "https://shop.example.com/thanks",
    ["DodoPayments:WebhookKey"] = WebhookKey,
    ["DodoPayments:ApiBaseUrl"] = dodoAddress.ToString(),
    ["DodoPayments:MaxRequestBodySize"] = "4096",
});
builder.Services.AddDodoPayments().AddWebhookHandler<SmokePaymentHandler>();
builder.Services.AddHealthChecks().AddDodoPayments();

// What an exporter would see: the deliveries counted on the package's meter, read the way OpenTelemetry reads them.
long deliveries = 0;
using var meterListener = new MeterListener
{
    InstrumentPublished = (instrument, listener) =>
    {
        if (instrument.Meter.Name == DodoPaymentsTelemetry.MeterName && instrument.Name == "dodo.webhook.deliveries")
        {
            listener.EnableMeasurementEvents(instrument);
        }
    },
};
meterListener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref deliveries, value));
meterListener.Start();

var app = builder.Build();
app.MapDodoCheckout();
app.MapDodoDynamicCheckout();
app.MapDodoCustomerPortal("/api/customer-portal", _ => ValueTask.FromResult<string?>("cus_smoke"));
app.MapDodoPlanChange("/api/subscription/plan", _ => ValueTask.FromResult<string?>("sub_smoke"));
app.MapDodoWebhooks();
app.MapHealthChecks("/health");
app.MapGet("/smoke/deliveries", (RequestDelegate)(context => context.Response.WriteAsync(Interlocked.Read(ref deliveries).ToString(CultureInfo.InvariantCulture))));
app.MapGet("/smoke/handled", (RequestDelegate)(context => context.Response.WriteAsync(SmokePaymentHandler.Handled.ToString(CultureInfo.InvariantCulture))));

await app.StartAsync();
Console.WriteLine($"listening: {app.Urls.First()}");
await app.WaitForShutdownAsync();
return 0;
