using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Sample.Store;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>The shop's checkout hook, through the sample's real <c>POST /api/checkout</c> and its stand-in.</summary>
public sealed class ShopCheckoutTests(SampleFactory factory) : IClassFixture<SampleFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Checkout_SignedOut_Answers401AndDoesNotCallDodo()
    {
        using var client = factory.CreateClient();
        var before = factory.StandIn.Requests.Count(request => request.Path == "/checkouts");

        using var response = await client.PostAsync("/api/checkout", Json("""{"product_cart":[{"product_id":"pdt_pro_monthly","quantity":1}]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, factory.StandIn.Requests.Count(request => request.Path == "/checkouts"));
    }

    [Fact]
    public async Task Checkout_SignedIn_SendsCustomerReturnUrlAndOrderMetadataToDodo()
    {
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync("/api/checkout", Json("""
            {"product_cart":[{"product_id":"pdt_pro_monthly","quantity":1}],"metadata":{"user_id":"user_forged","order_id":"ord_forged"}}
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonNode.Parse(factory.StandIn.Requests.Last(request => request.Path == "/checkouts").Body)!;
        Assert.Equal("demo@example.com", (string?)sent["customer"]?["email"]);
        Assert.Equal("http://localhost/orders", (string?)sent["return_url"]);
        Assert.Equal("user_demo", (string?)sent["metadata"]?["user_id"]);
        var orderId = (string?)sent["metadata"]?["order_id"];
        Assert.NotEqual("ord_forged", orderId);
        var order = factory.Store.FindOrder(orderId!);
        Assert.Equal(OrderStatus.Pending, order?.Status);
        Assert.Equal("user_demo", order?.UserId);
        Assert.Equal(["pdt_pro_monthly"], order?.ProductIds);
    }

    [Fact]
    public async Task Checkout_ProductOutsideTheCatalogue_Answers400()
    {
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync("/api/checkout", Json("""{"product_cart":[{"product_id":"pdt_not_sold_here","quantity":1}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Checkout_Collection_AnswersTheStandInCheckoutPage()
    {
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync("/api/checkout", Json("""{"product_collection_id":"pdc_plans"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checkoutUrl = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["checkout_url"];
        Assert.StartsWith(factory.StandIn.BaseAddress!.AbsoluteUri + "checkout/", checkoutUrl, StringComparison.Ordinal);
    }
}
