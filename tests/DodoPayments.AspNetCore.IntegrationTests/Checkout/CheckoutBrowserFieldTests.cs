using System.Net;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

/// <summary>
/// What a browser may not decide, for both JSON flows: prices and billing terms, fields the package does not model (a
/// future Dodo field could change the price), and ids that would step out of an API path.
/// </summary>
public sealed class CheckoutBrowserFieldTests
{
    private const string Session = CheckoutHttp.SessionPath;
    private const string Dynamic = CheckoutHttp.DynamicPath;
    private const string ForwardUnknownFields = "DodoPayments:Checkout:ForwardUnknownFields";

    [Theory]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"subscription_data":{"trial_period_days":365}}""", "subscription_data.trial_period_days")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"subscription_data":{"on_demand":{"mandate_only":true,"product_price":1}}}""", "subscription_data.on_demand")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1,"amount":1}]}""", "product_cart[0].amount")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1},{"product_id":"pdt_book","quantity":1,"amount":0}]}""", "product_cart[1].amount")]
    [InlineData(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"trial_period_days":365}""", "trial_period_days")]
    [InlineData(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"on_demand":{"mandate_only":true}}""", "on_demand")]
    [InlineData(Dynamic, """{"product_cart":[{"product_id":"pdt_book","quantity":1,"amount":1}],"billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""", "product_cart[0].amount")]
    public async Task Post_BrowserSetsPriceOrBillingTerms_AnswersValidationProblemWithoutCallingDodo(string path, string json, string field)
    {
        // Act
        var message = await RefusalAsync(path, json, field);

        // Assert
        Assert.Contains("IDodoCheckoutHook", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PriceFieldsWithForwardUnknownFields_StillRefused()
    {
        // Arrange: the opt-in is about fields the package does not know, not about prices it knows.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { [ForwardUnknownFields] = "true" });

        // Act
        var session = await app.Client.PostJsonAsync(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1,"amount":1}],"subscription_data":{"trial_period_days":365}}""");
        var dynamic = await app.Client.PostJsonAsync(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"trial_period_days":365}""");

        // Assert
        Assert.Equal(["product_cart[0].amount", "subscription_data.trial_period_days"], (await session.ReadJsonAsync()).ErrorKeys().Order(StringComparer.Ordinal));
        Assert.Equal(["trial_period_days"], (await dynamic.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"brand_new_field":{"nested":[1,2,3]}}""", "brand_new_field")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1,"credit_entitlements":[{"id":"ce_1","credits":1000}]}]}""", "product_cart[0].credit_entitlements")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"ada@example.com","loyalty_discount":50}}""", "customer.loyalty_discount")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"subscription_data":{"first_period_free":true}}""", "subscription_data.first_period_free")]
    [InlineData(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"new_field":[1]}""", "new_field")]
    [InlineData(Dynamic, """{"product_cart":[{"product_id":"pdt_book","quantity":1,"credit_entitlements":[]}],"billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""", "product_cart[0].credit_entitlements")]
    [InlineData(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com","loyalty_discount":50}}""", "customer.loyalty_discount")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1}],"customer":{"email":"ada@example.com","metadata":{"tier":"gold"}}}""", "customer.metadata")]
    [InlineData(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com","metadata":{"tier":"gold"}}}""", "customer.metadata")]
    [InlineData(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"cancel_url":"https://shop.example.com/cancel"}""", "cancel_url")]
    public async Task Post_UnmodelledField_RefusedByDefault(string path, string json, string field)
    {
        // Act
        var message = await RefusalAsync(path, json, field);

        // Assert
        Assert.Contains("ForwardUnknownFields", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSession_UnmodelledFieldsWithForwardUnknownFields_ForwardsThemUnchanged()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { [ForwardUnknownFields] = "true" });
        var sent = JsonNode.Parse("""
            {"product_cart":[{"product_id":"pdt_book","quantity":1,"credit_entitlements":[{"id":"ce_1"}]}],
             "customer":{"email":"ada@example.com","loyalty_tier":"gold"},
             "subscription_data":{"first_period_free":true},
             "brand_new_field":{"nested":[1,2,3]}}
            """)!;

        // Act
        var response = await app.Client.PostJsonAsync(Session, sent.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = sent.DeepClone().AsObject();
        expected["return_url"] = DodoTestApp.ReturnUrl;
        var upstream = Assert.Single(dodo.Requests).Json;
        Assert.True(JsonNode.DeepEquals(expected, upstream), upstream!.ToJsonString());
    }

    [Fact]
    public async Task PostDynamic_UnmodelledFieldWithForwardUnknownFields_ForwardsIt()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { [ForwardUnknownFields] = "true" });

        // Act
        var response = await app.Client.PostJsonAsync(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"new_field":[1]}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == "/payments").Json!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[1]"), upstream["new_field"]), upstream.ToJsonString());
    }

    [Fact]
    public async Task PostDynamic_ForwardedPaymentLinkField_DoesNotReplaceThePackagesOwn()
    {
        // Arrange: payment_link is what makes this flow answer a checkout page; a forwarded copy must not turn it off.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { [ForwardUnknownFields] = "true" });

        // Act
        var response = await app.Client.PostJsonAsync(Dynamic, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"},"payment_link":false}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = dodo.Requests.Single(request => request.Path == "/payments").Body;
        Assert.Equal(1, CountOccurrences(body, "\"payment_link\""));
        Assert.True((bool?)JsonNode.Parse(body)!["payment_link"]);
    }

    [Theory]
    [InlineData(Session, """{"product_cart":[{"product_id":"..","quantity":1}]}""", "product_cart[0].product_id")]
    [InlineData(Session, """{"product_cart":[{"product_id":"pdt_book","quantity":1},{"product_id":".","quantity":1}]}""", "product_cart[1].product_id")]
    [InlineData(Session, """{"product_cart":[{"product_id":" ","quantity":1}]}""", "product_cart[0].product_id")]
    [InlineData(Dynamic, """{"product_id":"..","billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""", "product_id")]
    [InlineData(Dynamic, """{"product_id":".","billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""", "product_id")]
    [InlineData(Dynamic, """{"product_cart":[{"product_id":"..","quantity":1}],"billing":{"country":"US"},"customer":{"email":"ada@example.com"}}""", "product_cart[0].product_id")]
    public async Task Post_UnsafeProductId_AnswersValidationProblemWithoutCallingDodo(string path, string json, string field)
    {
        // Act
        var message = await RefusalAsync(path, json, field);

        // Assert
        Assert.Contains("product_id", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts <paramref name="json"/> to a fresh app and answers the message of its refusal, once sure the answer is a 400
    /// naming <paramref name="field"/> alone and Dodo was not called.
    /// </summary>
    private static async Task<string> RefusalAsync(string path, string json, string field)
    {
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);

        var response = await app.Client.PostJsonAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal([field], problem.ErrorKeys());
        Assert.Empty(dodo.Requests);
        return Assert.Single(problem.Errors(field));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
