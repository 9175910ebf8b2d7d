using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.Webhooks;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Testing;

/// <summary>The stand-in's simulated checkout against a real app: checkout endpoint → hosted page → signed webhooks → handlers.</summary>
public sealed class HostedCheckoutSimulationTests : IAsyncDisposable
{
    private const string WebhookKey = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private readonly HandlerLog _log = new();
    private readonly DodoApiStandIn _dodo = new DodoApiStandIn
    {
        WebhookUrl = new Uri("/api/webhook", UriKind.Relative),
        WebhookSecret = WebhookKey,
        WebhookRetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)],
    }
        .AddOneTimeProduct("pdt_book", "Book", 1999)
        .AddSubscriptionProduct("pdt_pro", "Pro", 2900);

    private DodoTestApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _dodo.DisposeAsync();
    }

    private async Task<DodoTestApp> StartAsync()
    {
        _app = await DodoTestApp.StartAsync(
            _dodo,
            app =>
            {
                app.MapDodoCheckout();
                app.MapDodoWebhooks();
            },
            settings: new Dictionary<string, string?> { ["DodoPayments:WebhookKey"] = WebhookKey },
            services: services =>
            {
                services.AddSingleton(_log);
                services.AddDodoPayments().AddWebhookHandler<PaymentHandler>();
            });
        _dodo.WebhookClient = _app.Client;
        return _app;
    }

    private static async Task<string> CheckoutUrlAsync(DodoTestApp app, string body)
    {
        using var response = await app.Client.PostAsync("/api/checkout", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checkout_url"]!;
    }

    [Fact]
    public async Task Pay_SubscriptionThroughTheApp_RunsBothHandlersOnceAndReturnsToTheShop()
    {
        var app = await StartAsync();
        var url = await CheckoutUrlAsync(app, """{"product_cart":[{"product_id":"pdt_pro","quantity":1}],"customer":{"email":"ada@example.com"}}""");
        using var browser = new HttpClient(_dodo.CreateHandler());

        using var response = await browser.PostAsync(url + "/pay", new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith(DodoTestApp.ReturnUrl + "?payment_id=pay_", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, _log.Calls.Count);
        Assert.StartsWith("subscription:sub_", _log.Calls.First(), StringComparison.Ordinal);
        Assert.StartsWith("payment:pay_", _log.Calls.Last(), StringComparison.Ordinal);
        Assert.All(_dodo.WebhookDeliveries, d => Assert.Equal(200, d.StatusCode));
    }

    [Fact]
    public async Task Pay_HandlerFailsOnce_DodoStyleRetryRunsItAgainUntilItSucceeds()
    {
        var app = await StartAsync();
        _log.FailuresLeft = 1;
        var url = await CheckoutUrlAsync(app, """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");
        using var browser = new HttpClient(_dodo.CreateHandler());

        using var response = await browser.PostAsync(url + "/pay", new StringContent(string.Empty));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!_dodo.WebhookDeliveries.Any(d => d.Succeeded))
        {
            await Task.Delay(10, timeout.Token);
        }

        var deliveries = _dodo.WebhookDeliveries;
        Assert.Equal([500, 200], deliveries.Select(d => d.StatusCode));
        Assert.Single(deliveries.Select(d => d.WebhookId).Distinct());
        Assert.Equal(2, _log.Calls.Count);
    }

    [Fact]
    public async Task SendWebhook_SameEventDeliveredAgain_AppAnswers200WithoutRunningHandlersTwice()
    {
        var app = await StartAsync();
        var url = await CheckoutUrlAsync(app, """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");
        using var browser = new HttpClient(_dodo.CreateHandler());
        await browser.PostAsync(url + "/pay", new StringContent(string.Empty));
        var delivery = Assert.Single(_dodo.WebhookDeliveries);

        // Dodo may deliver an event twice: replay the same webhook-id and body, freshly signed.
        var signer = new DodoWebhookSigner(WebhookKey);
        var body = new JsonObject
        {
            ["business_id"] = "bus_standin",
            ["type"] = "payment.succeeded",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["data"] = new JsonObject { ["payment_id"] = "pay_replayed" },
        }.ToJsonString();
        using var replay = signer.CreateRequest("/api/webhook", body, delivery.WebhookId);
        using var answer = await app.Client.SendAsync(replay);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Single(_log.Calls);
    }
}
