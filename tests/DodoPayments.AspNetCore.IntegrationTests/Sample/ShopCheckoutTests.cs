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
        var order = await factory.FindOrderAsync(orderId!);
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

    [Fact]
    public async Task StaticCheckout_SignedIn_AnswersAStandInLinkCarryingTheOrder()
    {
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync("/api/checkout?productId=pdt_field_guide&quantity=1&email=someone%40else.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checkoutUrl = new Uri((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checkout_url"]!);
        Assert.StartsWith(factory.StandIn.BaseAddress!.AbsoluteUri + "buy/pdt_field_guide?", checkoutUrl.AbsoluteUri, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(checkoutUrl.Query);
        Assert.Equal("demo@example.com", query["email"].ToString());
        Assert.Equal("true", query["disableEmail"].ToString());
        Assert.Equal("user_demo", query["metadata_user_id"].ToString());
        Assert.Equal(OrderStatus.Pending, (await factory.FindOrderAsync(query["metadata_order_id"].ToString()))?.Status);
    }

    [Fact]
    public async Task DynamicCheckout_SignedIn_CreatesAPaymentLinkCarryingTheOrder()
    {
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync("/api/checkout/dynamic", Json("""{"product_id":"pdt_field_guide","quantity":1,"billing":{"country":"US"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonNode.Parse(factory.StandIn.Requests.Last(request => request.Path == "/payments").Body)!;
        Assert.True((bool?)sent["payment_link"]);
        Assert.Equal("http://localhost/orders", (string?)sent["return_url"]);
        Assert.Equal(OrderStatus.Pending, (await factory.FindOrderAsync((string)sent["metadata"]!["order_id"]!))?.Status);
        var checkoutUrl = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["checkout_url"];
        Assert.StartsWith(factory.StandIn.BaseAddress!.AbsoluteUri + "checkout/", checkoutUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/checkout?productId=pdt_field_guide")]
    [InlineData("POST", "/api/checkout/dynamic")]
    public async Task OtherFlows_SignedOut_Answer401(string method, string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "POST" ? Json("""{"product_id":"pdt_field_guide","quantity":1}""") : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
