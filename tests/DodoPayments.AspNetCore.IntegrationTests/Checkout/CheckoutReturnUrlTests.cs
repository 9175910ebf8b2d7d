using System.Net;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.Checkout;

/// <summary>No open redirect through checkout: a browser-supplied return_url or cancel_url must point at an allowed host.</summary>
public sealed class CheckoutReturnUrlTests
{
    private const string Session = CheckoutHttp.SessionPath;
    private const string Dynamic = CheckoutHttp.DynamicPath;
    private const string SessionBody = """{"product_cart":[{"product_id":"pdt_book","quantity":1}]""";
    private const string DynamicBody = """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com"}""";

    public static TheoryData<string, string, string> RefusedUrls()
    {
        var data = new TheoryData<string, string, string>();
        string[] urls =
        [
            "https://evil.example.net/phish",
            "https://shop.example.com.evil.example.net/thanks",
            "https://shop.example.com@evil.example.net/thanks",
            "//evil.example.net/thanks",
            "/thanks",
            "javascript:alert(1)",
            "ftp://shop.example.com/thanks",
            "",
        ];
        foreach (var url in urls)
        {
            data.Add(Session, "return_url", url);
            data.Add(Session, "cancel_url", url);
            data.Add(Dynamic, "return_url", url);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public async Task Post_UrlNotOnAllowedHost_AnswersValidationProblemNamingFieldWithoutCallingDodo(string path, string field, string url)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(path, WithField(path, field, url));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal([field], problem.ErrorKeys());
        Assert.Contains("AllowedReturnHosts", Assert.Single(problem.Errors(field)), StringComparison.Ordinal);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData(Session, "return_url", "/checkouts")]
    [InlineData(Session, "cancel_url", "/checkouts")]
    [InlineData(Dynamic, "return_url", "/payments")]
    public async Task Post_UrlOnReturnUrlHost_ForwardsItAsGiven(string path, string field, string upstreamPath)
    {
        // Arrange: by default the allowed host is the host of DodoPayments:ReturnUrl (https://shop.example.com/thanks).
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);
        const string url = "https://SHOP.example.com/orders?from=checkout";

        // Act
        var response = await app.Client.PostJsonAsync(path, WithField(path, field, url));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(url, (string?)dodo.Requests.Single(request => request.Path == upstreamPath).Json![field]);
    }

    [Theory]
    [InlineData(Session, "https://pay.example.org/done", HttpStatusCode.OK)]
    [InlineData(Session, "https://shop.example.com/thanks", HttpStatusCode.BadRequest)]
    [InlineData(Dynamic, "https://pay.example.org/done", HttpStatusCode.OK)]
    [InlineData(Dynamic, "https://shop.example.com/thanks", HttpStatusCode.BadRequest)]
    public async Task Post_AllowedReturnHostsConfigured_OnlyThoseHostsAllowed(string path, string url, HttpStatusCode expected)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { ["DodoPayments:AllowedReturnHosts:0"] = "pay.example.org" });

        // Act
        var response = await app.Client.PostJsonAsync(path, WithField(path, "return_url", url));

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Session)]
    [InlineData(Dynamic)]
    public async Task Post_HostHeaderNamesTheUrlsHost_StillRefused(string path)
    {
        // Arrange: the Host header is the sender's to choose, so it never makes a host allowed.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(WithField(path, "return_url", "https://evil.example.net/thanks")) };
        request.Headers.Host = "evil.example.net";

        // Act
        var response = await app.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["return_url"], (await response.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData(Session)]
    [InlineData(Dynamic)]
    public async Task Post_NoReturnUrlConfiguredAndNoAllowedHosts_RefusesAnyBrowserUrl(string path)
    {
        // Arrange: nothing says which host is the shop's, so no browser-supplied URL can be trusted.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { ["DodoPayments:ReturnUrl"] = null });

        // Act
        var withUrl = await app.Client.PostJsonAsync(path, WithField(path, "return_url", "https://shop.example.com/thanks"));
        var withoutUrl = await app.Client.PostJsonAsync(path, Body(path) + "}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, withUrl.StatusCode);
        Assert.Equal(["return_url"], (await withUrl.ReadJsonAsync()).ErrorKeys());
        Assert.Equal(HttpStatusCode.OK, withoutUrl.StatusCode);
        Assert.Null(dodo.Requests.Last().Json!["return_url"]);
    }

    [Theory]
    [InlineData(Session, "/checkouts")]
    [InlineData(Dynamic, "/payments")]
    public async Task Post_NoUrlInRequest_SendsConfiguredReturnUrl(string path, string upstreamPath)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(path, Body(path) + "}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = dodo.Requests.Single(request => request.Path == upstreamPath).Json!;
        Assert.Equal(DodoTestApp.ReturnUrl, (string?)upstream["return_url"]);
        Assert.Null(upstream["cancel_url"]);
    }

    [Theory]
    [InlineData(Session, "/checkouts")]
    [InlineData(Dynamic, "/payments")]
    public async Task Post_HookSetsUrlOnAnyHost_IsTheAppsChoice(string path, string upstreamPath)
    {
        // Arrange: the guard is for what the browser sends; the app's own hook decides on the server.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, services: services => services.AddSingleton<IDodoCheckoutHook>(new ReturnUrlHook("https://accounts.example.org/back")));

        // Act
        var response = await app.Client.PostJsonAsync(path, Body(path) + "}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://accounts.example.org/back", (string?)dodo.Requests.Single(request => request.Path == upstreamPath).Json!["return_url"]);
    }

    [Fact]
    public async Task PostDynamic_ForwardedCancelUrl_IsCheckedLikeReturnUrl()
    {
        // Arrange: with ForwardUnknownFields, dynamic checkout forwards cancel_url, so the same guard applies.
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { ["DodoPayments:Checkout:ForwardUnknownFields"] = "true" });

        // Act
        var refused = await app.Client.PostJsonAsync(Dynamic, WithField(Dynamic, "cancel_url", "https://evil.example.net/"));
        var notText = await app.Client.PostJsonAsync(Dynamic, DynamicBody + ""","cancel_url":{"href":"https://evil.example.net/"}}""");
        var allowed = await app.Client.PostJsonAsync(Dynamic, WithField(Dynamic, "cancel_url", "https://shop.example.com/cart"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["cancel_url"], (await refused.ReadJsonAsync()).ErrorKeys());
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://shop.example.com/cart", (string?)dodo.Requests.Single(request => request.Path == "/payments").Json!["cancel_url"]);
    }

    private static string Body(string path) => path == Session ? SessionBody : DynamicBody;

    private static string WithField(string path, string field, string value) =>
        $"{Body(path)},{JsonSerializer.Serialize(field)}:{JsonSerializer.Serialize(value)}}}";

    private sealed class ReturnUrlHook(string returnUrl) : IDodoCheckoutHook
    {
        public ValueTask<ProblemDetails?> OnCheckoutSessionAsync(HttpContext httpContext, CheckoutSessionRequest request)
        {
            request.ReturnUrl = returnUrl;
            return ValueTask.FromResult<ProblemDetails?>(null);
        }

        public ValueTask<ProblemDetails?> OnDynamicCheckoutAsync(HttpContext httpContext, DynamicCheckoutRequest request)
        {
            request.ReturnUrl = returnUrl;
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }
}
