using System.Net;
using System.Net.Http.Json;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.IntegrationTests.CustomerPortal;

public sealed class CustomerPortalEndpointTests
{
    private const string PortalPath = "/customers/cus_1/customer-portal/session";

    private static DodoApiStandIn NewStandIn() => new DodoApiStandIn().AddCustomer("cus_1").AddCustomer("cus_2");

    [Fact]
    public async Task QueryForm_KnownCustomer_RedirectsToPortalLink()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("https://stand-in.dodopayments.invalid/portal/cus_1", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var call = Assert.Single(dodo.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal(PortalPath, call.Path);
        Assert.Equal($"Bearer {DodoTestApp.ApiKey}", call.Authorization);
    }

    [Theory]
    [InlineData("false", "send_email=false")]
    [InlineData("true", "send_email=true")]
    [InlineData("False", "send_email=false")]
    public async Task QueryForm_SendEmail_IsSentAsQueryParameter(string sendEmail, string expected)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync($"/api/customer-portal?customer_id=cus_1&send_email={sendEmail}");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains(expected, Assert.Single(dodo.Requests).Query.Split('&'));
    }

    [Fact]
    public async Task QueryForm_NoSendEmail_SendsNone()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1");

        // Assert
        Assert.DoesNotContain("send_email", Assert.Single(dodo.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryForm_MissingCustomerId_Answers400NamingItWithoutCallingDodo()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?send_email=true");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("customer_id", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task QueryForm_SendEmailNotBoolean_Answers400NamingIt()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1&send_email=yes");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("send_email", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task QueryForm_UnknownCustomer_Answers400WithDodosCodeAndItsMessageOnlyInDevelopment(string environment, bool messageShown)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal(), environment: environment);

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_unknown");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("NOT_FOUND", problem!.Extensions["code"]?.ToString());
        Assert.Equal(messageShown, problem.Detail == "Customer not found");
    }

    [Theory]
    [InlineData(500, HttpStatusCode.BadGateway)]
    [InlineData(401, HttpStatusCode.BadGateway)]
    [InlineData(429, HttpStatusCode.BadGateway)]
    public async Task QueryForm_DodoFails_AnswersBadGateway(int dodoStatus, HttpStatusCode expected)
    {
        // Arrange
        var dodo = NewStandIn().Fail(HttpMethod.Post, "/customers/", dodoStatus);
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1");

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task QueryForm_DodoTooSlow_Answers504()
    {
        // Arrange
        var dodo = NewStandIn().Delay(HttpMethod.Post, "/customers/", TimeSpan.FromSeconds(10));
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal(),
            configure: options => options.ApiTimeout = TimeSpan.FromMilliseconds(200));

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1");

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task ResolverForm_ResolvedCustomer_RedirectsToThatCustomersPortal()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>("cus_2")));

        // Act
        var response = await app.Client.GetAsync("/billing/portal?send_email=false");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var call = Assert.Single(dodo.Requests);
        Assert.Equal("/customers/cus_2/customer-portal/session", call.Path);
        Assert.Contains("send_email=false", call.Query.Split('&'));
    }

    [Fact]
    public async Task ResolverForm_CustomerIdInQuery_IsIgnored()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>("cus_2")));

        // Act
        var response = await app.Client.GetAsync("/billing/portal?customer_id=cus_1");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/customers/cus_2/customer-portal/session", Assert.Single(dodo.Requests).Path);
    }

    [Fact]
    public async Task ResolverForm_ResolverReadsSignedInUser_UsesThatUser()
    {
        // Arrange: the "signed-in user" is a header here, read by the resolver as an app would read a claim.
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", context =>
                ValueTask.FromResult<string?>(context.Request.Headers["X-Test-Customer"].FirstOrDefault())));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/billing/portal");
        request.Headers.Add("X-Test-Customer", "cus_1");

        // Act
        var response = await app.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(PortalPath, Assert.Single(dodo.Requests).Path);
    }

    [Fact]
    public async Task ResolverForm_ResolverReturnsNull_Answers401WithoutCallingDodo()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>(null)));

        // Act
        var response = await app.Client.GetAsync("/billing/portal?customer_id=cus_1");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("https://shop.example.com/elsewhere")]
    [InlineData("http://shop.example.com:5000/account?tab=billing")]
    [InlineData("https://SHOP.example.com/upper")]
    public async Task ReturnUrl_OnReturnUrlHost_IsSentToDodo(string returnUrl)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync($"/api/customer-portal?customer_id=cus_1&return_url={Uri.EscapeDataString(returnUrl)}");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains($"return_url={Uri.EscapeDataString(returnUrl)}", Assert.Single(dodo.Requests).Query.Split('&'));
    }

    [Theory]
    [InlineData("https://evil.example.net/phish")]
    [InlineData("https://shop.example.com.evil.example.net/")]
    [InlineData("https://localhost@evil.example.net/")]
    [InlineData("/account")]
    [InlineData("//evil.example.net/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://localhost/file")]
    public async Task ReturnUrl_ElsewhereOrNotAbsolute_Answers400WithoutCallingDodo(string returnUrl)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync($"/api/customer-portal?customer_id=cus_1&return_url={Uri.EscapeDataString(returnUrl)}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("return_url", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("localhost", "https://localhost/account")]
    [InlineData("localhost:5000", "http://localhost:5000/account")]
    [InlineData("evil.example.net", "https://evil.example.net/phish")]
    public async Task ReturnUrl_OnTheRequestsOwnHost_Answers400WithoutCallingDodo(string hostHeader, string returnUrl)
    {
        // Arrange: the Host header is the sender's to choose, so it cannot make a host allowed.
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/customer-portal?customer_id=cus_1&return_url={Uri.EscapeDataString(returnUrl)}");
        request.Headers.Host = hostHeader;

        // Act
        var response = await app.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("return_url", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("https://app.example.com/account", HttpStatusCode.Found)]
    [InlineData("http://localhost:5080/account", HttpStatusCode.Found)]
    [InlineData("https://shop.example.com/thanks", HttpStatusCode.BadRequest)]
    [InlineData("https://evil.example.net/", HttpStatusCode.BadRequest)]
    public async Task ReturnUrl_AllowedReturnHostsSet_OnlyThoseHostsAreAccepted(string returnUrl, HttpStatusCode expected)
    {
        // Arrange: the list replaces the ReturnUrl host, as for checkout.
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>("cus_1")),
            settings: new Dictionary<string, string?>
            {
                ["DodoPayments:AllowedReturnHosts:0"] = "app.example.com",
                ["DodoPayments:AllowedReturnHosts:1"] = "localhost",
            });

        // Act
        var response = await app.Client.GetAsync($"/billing/portal?return_url={Uri.EscapeDataString(returnUrl)}");

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Found ? 1 : 0, dodo.Requests.Count);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" ")]
    public async Task QueryForm_CustomerIdIsADotSegmentOrBlank_Answers400NamingItWithoutCallingDodo(string customerId)
    {
        // Arrange: "customers/../customer-portal/session" would be another resource of the API.
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync($"/api/customer-portal?customer_id={Uri.EscapeDataString(customerId)}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("customer_id", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task ResolverForm_ResolverReturnsAnUnsafeId_Answers400NamingCustomerIdWithoutCallingDodo(string customerId)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>(customerId)));

        // Act
        var response = await app.Client.GetAsync("/billing/portal");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("customer_id", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("""{"link":"javascript:alert(1)"}""")]
    [InlineData("""{"link":"/portal/cus_1"}""")]
    [InlineData("""{}""")]
    [InlineData("")]
    public async Task Dodo_AnswersWithoutAnAbsoluteHttpLink_Answers502WithoutRedirecting(string dodoBody)
    {
        // Arrange
        var dodo = NewStandIn().Respond(HttpMethod.Post, "/customers/", 200, dodoBody);
        var logs = new FakeLogCollector();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>("cus_1")),
            services: services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));

        // Act
        var response = await app.Client.GetAsync("/billing/portal");

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("javascript", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Message.Contains("javascript", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dodo_AnswersALinkWithControlCharacters_RedirectsWithThemEscaped()
    {
        // Arrange: a CR/LF in the link must not become a second header line.
        var dodo = NewStandIn().Respond(HttpMethod.Post, "/customers/", 200, """{"link":"https://portal.example.com/a\r\nSet-Cookie: a=b"}""");
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>("cus_1")));

        // Act
        var response = await app.Client.GetAsync("/billing/portal");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://portal.example.com/a%0D%0ASet-Cookie:%20a=b", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ReturnUrl_ElsewhereOnResolverForm_Answers400WithoutCallingDodo()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/billing/portal", _ => ValueTask.FromResult<string?>("cus_1")));

        // Act
        var response = await app.Client.GetAsync("/billing/portal?return_url=https%3A%2F%2Fevil.example.net%2F");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task ReturnUrl_Absent_SendsConfiguredReturnUrl()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains($"return_url={Uri.EscapeDataString(DodoTestApp.ReturnUrl)}", Assert.Single(dodo.Requests).Query.Split('&'));
    }

    [Fact]
    public async Task ReturnUrl_ConfigurationReloaded_NewHostIsAccepted()
    {
        // Arrange: options are read per request, so a changed ReturnUrl applies without a restart.
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());
        var monitor = (IOptionsMonitorCache<DodoPaymentsOptions>)app.Services.GetService(typeof(IOptionsMonitorCache<DodoPaymentsOptions>))!;
        app.App.Configuration["DodoPayments:ReturnUrl"] = "https://new.example.org/back";
        monitor.Clear();

        // Act
        var response = await app.Client.GetAsync("/api/customer-portal?customer_id=cus_1&return_url=https%3A%2F%2Fnew.example.org%2Fx");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task MapDodoCustomerPortal_UnderMapGroup_ServesUnderTheGroupPrefix()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapGroup("/billing").MapDodoCustomerPortal("/portal", _ => ValueTask.FromResult<string?>("cus_1")).WithTags("Billing"));

        // Act
        var response = await app.Client.GetAsync("/billing/portal");

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task MapDodoCustomerPortal_PostInsteadOfGet_DoesNotCallDodo()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoCustomerPortal());

        // Act
        var response = await app.Client.PostAsync("/api/customer-portal?customer_id=cus_1", content: null);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task StartUp_PortalMappedWithoutApiKey_RefusesToStartNamingTheKey()
    {
        // Arrange
        var dodo = NewStandIn();

        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoCustomerPortal("/portal", _ => ValueTask.FromResult<string?>("cus_1")),
            settings: new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = null }));

        // Assert
        Assert.Contains("DodoPayments:ApiKey", exception.Message, StringComparison.Ordinal);
    }
}
