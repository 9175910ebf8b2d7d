using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

/// <summary>What Dodo answers a checkout is checked before a browser is sent anywhere, and its refusals are shown per environment.</summary>
public sealed class CheckoutUpstreamAnswerTests
{
    private const string Customer = """ "billing":{"country":"US"},"customer":{"email":"ada@example.com","name":"Ada"} """;

    /// <summary>Every checkout flow whose answer carries a link from Dodo, with each kind of unusable link.</summary>
    public static TheoryData<string, string> FlowsAndUnusableLinks()
    {
        var data = new TheoryData<string, string>();
        foreach (var flow in new[] { "session", "dynamic payment", "dynamic subscription" })
        {
            foreach (var link in new[] { "javascript:alert(1)", "/checkout/relative", "data:text/html,hi" })
            {
                data.Add(flow, link);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FlowsAndUnusableLinks))]
    public async Task Checkout_DodoAnswersALinkThatIsNotAbsoluteHttp_Answers502WithoutTheLink(string flow, string link)
    {
        // Arrange
        var (dodoPath, dodoAnswer, path, body) = flow switch
        {
            "session" => ("/checkouts", $$"""{"session_id":"cks_1","checkout_url":"{{link}}"}""", "/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}"""),
            "dynamic payment" => ("/payments", $$"""{"payment_id":"pay_1","payment_link":"{{link}}"}""", "/api/checkout/dynamic", $$"""{"product_id":"pdt_book",{{Customer}}}"""),
            _ => ("/subscriptions", $$"""{"subscription_id":"sub_1","payment_link":"{{link}}"}""", "/api/checkout/dynamic", $$"""{"product_id":"pdt_pro",{{Customer}}}"""),
        };
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").AddSubscriptionProduct("pdt_pro").Respond(HttpMethod.Post, dodoPath, 200, dodoAnswer);
        var logs = new FakeLogCollector();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints =>
            {
                endpoints.MapDodoCheckout();
                endpoints.MapDodoDynamicCheckout();
            },
            services: services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));

        // Act
        var response = await app.Client.PostJsonAsync(path, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(link, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), entry => entry.Level >= LogLevel.Warning && entry.Message.Contains("not an absolute http", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Message.Contains(link, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task Session_DodoRefuses_Answers400WithDodosCodeAndItsMessageOnlyInDevelopment(string environment, bool messageShown)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book")
            .Fail(HttpMethod.Post, "/checkouts", 422, "INVALID_REQUEST_PARAMETERS", "Internal pricing rule 7 failed");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCheckout(), environment: environment);

        // Act
        var response = await app.Client.PostJsonAsync("/api/checkout", """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("INVALID_REQUEST_PARAMETERS", (string?)problem["code"]);
        Assert.Equal(messageShown, (string?)problem["detail"] == "Internal pricing rule 7 failed");
    }
}
