using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>A checkout started and never paid reads as abandoned on the orders page once the shop's window has passed.</summary>
public sealed class ShopAbandonedCheckoutTests
{
    [Fact]
    public async Task Orders_CheckoutUnpaidPastTheWindow_ReadsAbandoned()
    {
        // Arrange: the shop's clock is the test's; a checkout is started and not paid
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new SampleFactory();
        var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Shop:AbandonCheckoutAfter", "00:30:00");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        using var shop = app.CreateClient();
        (await shop.PostAsync("/api/account/sign-in", content: null)).EnsureSuccessStatusCode();
        using var checkout = await shop.PostAsync("/api/checkout", new StringContent("""{"product_cart":[{"product_id":"pdt_field_guide","quantity":1}]}""", Encoding.UTF8, "application/json"));
        checkout.EnsureSuccessStatusCode();
        var orderId = (string)JsonNode.Parse(app.Services.GetRequiredService<DodoApiStandIn>().Requests.Last(request => request.Path == "/checkouts").Body)!["metadata"]!["order_id"]!;
        var justStarted = await StatusAsync(shop, orderId);

        // Act
        clock.Advance(TimeSpan.FromMinutes(30));
        var later = await StatusAsync(shop, orderId);

        // Assert
        Assert.Equal("pending", justStarted);
        Assert.Equal("abandoned", later);
    }

    private static async Task<string?> StatusAsync(HttpClient shop, string orderId)
    {
        using var orders = JsonDocument.Parse(await shop.GetStringAsync("/api/orders"));
        return orders.RootElement.GetProperty("orders").EnumerateArray()
            .Single(order => order.GetProperty("orderId").GetString() == orderId)
            .GetProperty("status").GetString();
    }
}
