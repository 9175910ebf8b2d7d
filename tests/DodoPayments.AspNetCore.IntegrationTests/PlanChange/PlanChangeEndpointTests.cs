using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using static DodoPayments.AspNetCore.IntegrationTests.PlanChange.PlanChangeTestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.IntegrationTests.PlanChange;

public sealed class PlanChangeEndpointTests
{
    private static Task<DodoTestApp> StartAsync(
        DodoApiStandIn dodo,
        string? subscriptionId = "sub_1",
        IDictionary<string, string?>? settings = null,
        FakeLogCollector? logs = null,
        string? environment = null) =>
        DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoPlanChange(Pattern, _ => ValueTask.FromResult(subscriptionId)),
            settings,
            services: logs is null ? null : services => services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)),
            environment: environment);

    private const int UnreachableEventId = 102;
    private const int UnreadableAnswerEventId = 103;

    private static StandInRequest UpstreamCall(DodoApiStandIn dodo) => Assert.Single(dodo.Requests);

    [Fact]
    public async Task Preview_ValidBody_AnswersDodosPreviewWithoutChangingThePlan()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, settings: new Dictionary<string, string?> { ["DodoPayments:PlanChange:ProrationBillingMode"] = "difference_immediately" });

        // Act
        var response = await app.Client.PostAsync($"{Pattern}/preview", Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(5000, (long)body["immediate_charge"]!["summary"]!["total_amount"]!);
        Assert.Equal("USD", (string?)body["immediate_charge"]!["summary"]!["currency"]);
        var line = body["immediate_charge"]!["line_items"]![0]!;
        Assert.Equal("subscription", (string?)line["type"]);
        Assert.Equal("pdt_pro", (string?)line["product_id"]);
        Assert.Equal("pdt_pro", (string?)body["new_plan"]!["product_id"]);
        Assert.Equal("sub_1", (string?)body["new_plan"]!["subscription_id"]);
        var call = UpstreamCall(dodo);
        Assert.Equal("/subscriptions/sub_1/change-plan/preview", call.Path);
        Assert.Equal("POST", call.Method);
    }

    [Fact]
    public async Task Change_Upgrade_AnswersPaymentOfTheCharge()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("pay_", (string?)body["payment_id"], StringComparison.Ordinal);
        Assert.Equal("sub_1", (string?)body["subscription_id"]);
        Assert.Equal("/subscriptions/sub_1/change-plan", UpstreamCall(dodo).Path);
    }

    [Fact]
    public async Task Change_ThenPreviewOfSamePlan_ChargesNothingMore()
    {
        // Arrange: the change is real, so a second preview to the same plan has no difference to charge.
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);
        await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Act
        var response = await app.Client.PostAsync($"{Pattern}/preview", Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(0, (long)body["immediate_charge"]!["summary"]!["total_amount"]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Body_QuantityAndModeAbsent_SendsQuantityOneAndDefaultMode(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = UpstreamCall(dodo).Json!;
        Assert.Equal("pdt_pro", (string?)sent["product_id"]);
        Assert.Equal(1, (int)sent["quantity"]!);
        Assert.Equal("prorated_immediately", (string?)sent["proration_billing_mode"]);
        Assert.Null(sent["on_payment_failure"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Body_BillingTermsConfigured_SendsTheConfiguredModeAndPaymentFailureRule(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, settings: new Dictionary<string, string?>
        {
            ["DodoPayments:PlanChange:ProrationBillingMode"] = "full_immediately",
            ["DodoPayments:PlanChange:OnPaymentFailure"] = "prevent_change",
        });

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = UpstreamCall(dodo).Json!;
        Assert.Equal("full_immediately", (string?)sent["proration_billing_mode"]);
        Assert.Equal("prevent_change", (string?)sent["on_payment_failure"]);
    }

    [Fact]
    public async Task Body_EveryFieldABrowserMaySend_IsSentToDodoAsGiven()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);
        const string Body = """
            {"product_id":"pdt_pro","quantity":3,
             "addons":[{"addon_id":"adn_seat","quantity":0}],"discount_codes":["LAUNCH","LOYAL"],
             "effective_at":"next_billing_date"}
            """;

        // Act
        var response = await app.Client.PostAsync(Pattern, Json(Body));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = UpstreamCall(dodo).Json!;
        Assert.Equal(3, (int)sent["quantity"]!);
        Assert.Equal("prorated_immediately", (string?)sent["proration_billing_mode"]);
        Assert.Equal("adn_seat", (string?)sent["addons"]![0]!["addon_id"]);
        Assert.Equal(0, (int)sent["addons"]![0]!["quantity"]!);
        Assert.Equal(2, sent["discount_codes"]!.AsArray().Count);
        Assert.Equal("next_billing_date", (string?)sent["effective_at"]);
        Assert.Null(sent["metadata"]);
    }

    [Theory]
    [InlineData("", """{"product_id":"pdt_pro","proration_billing_mode":"do_not_bill"}""", "proration_billing_mode")]
    [InlineData("/preview", """{"product_id":"pdt_pro","proration_billing_mode":"do_not_bill"}""", "proration_billing_mode")]
    [InlineData("", """{"product_id":"pdt_pro","on_payment_failure":"apply_change"}""", "on_payment_failure")]
    [InlineData("/preview", """{"product_id":"pdt_pro","on_payment_failure":"apply_change"}""", "on_payment_failure")]
    [InlineData("", """{"product_id":"pdt_pro","metadata":{"user_id":"someone-else"}}""", "metadata")]
    [InlineData("", """{"product_id":"pdt_pro","adaptive_currency_fees_inclusive":true}""", "adaptive_currency_fees_inclusive")]
    [InlineData("/preview", """{"product_id":"pdt_pro","adaptive_currency_fees_inclusive":true}""", "adaptive_currency_fees_inclusive")]
    [InlineData("", """{"product_id":"pdt_pro","a_field_dodo_adds_next_year":1}""", "a_field_dodo_adds_next_year")]
    public async Task Body_FieldTheAppDecides_Answers400NamingItWithoutCallingDodo(string route, string body, string field)
    {
        // Arrange: a customer must not upgrade with do_not_bill, or write the metadata webhook handlers trust.
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json(body));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Resolver_ReturnsNull_Answers401WithoutCallingDodo(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, subscriptionId: null);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" ", "/preview")]
    [InlineData(".", "")]
    [InlineData("..", "")]
    [InlineData("..", "/preview")]
    public async Task Resolver_ReturnsAnUnsafeId_Answers400NamingSubscriptionIdWithoutCallingDodo(string subscriptionId, string route)
    {
        // Arrange: "subscriptions/../change-plan" would be another resource of the API.
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, subscriptionId: subscriptionId);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("subscription_id", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Resolver_ReadsSignedInUser_ChangesThatUsersSubscription()
    {
        // Arrange: the "signed-in user" is a header here, read by the resolver as an app would read a claim.
        var dodo = NewStandIn().AddSubscription("sub_2", "pdt_basic", "cus_2");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoPlanChange(Pattern, context =>
            ValueTask.FromResult(context.Request.Headers["X-Test-User"].FirstOrDefault() == "alice" ? "sub_2" : null)));
        using var request = new HttpRequestMessage(HttpMethod.Post, Pattern) { Content = Json("""{"product_id":"pdt_pro"}""") };
        request.Headers.Add("X-Test-User", "alice");

        // Act
        var response = await app.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/subscriptions/sub_2/change-plan", UpstreamCall(dodo).Path);
    }

    [Theory]
    [InlineData("""{}""", "product_id")]
    [InlineData("""{"product_id":""}""", "product_id")]
    [InlineData("""{"product_id":"pdt_pro","quantity":0}""", "quantity")]
    [InlineData("""{"product_id":"pdt_pro","proration_billing_mode":"prorated"}""", "proration_billing_mode")]
    [InlineData("""{"product_id":"pdt_pro","effective_at":"tomorrow"}""", "effective_at")]
    [InlineData("""{"product_id":"pdt_pro","on_payment_failure":"retry"}""", "on_payment_failure")]
    [InlineData("""{"product_id":"pdt_pro","addons":[{"addon_id":"adn_seat","quantity":-1}]}""", "addons[0].quantity")]
    [InlineData("""{"product_id":"pdt_pro","addons":[{"quantity":1}]}""", "addons[0].addon_id")]
    [InlineData("""{"product_id":"pdt_pro","quantity":"many"}""", "quantity")]
    [InlineData("""{"product_id":"pdt_pro",""", "body")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""null""", "body")]
    public async Task Body_Invalid_Answers400NamingTheFieldWithoutCallingDodo(string body, string field)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync($"{Pattern}/preview", Json(body));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Body_TwentyOneDiscountCodes_Answers400NamingDiscountCodes()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);
        var codes = string.Join(',', Enumerable.Range(1, 21).Select(i => $"\"CODE{i}\""));

        // Act
        var response = await app.Client.PostAsync(Pattern, Json($$"""{"product_id":"pdt_pro","discount_codes":[{{codes}}]}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("discount_codes", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Body_EmptyWithoutContentType_Answers415WithoutCallingDodo()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync(Pattern, content: null);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("text/plain", """{"product_id":"pdt_pro"}""")]
    [InlineData("application/x-www-form-urlencoded", "product_id=pdt_pro")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"product_id\"\r\n\r\npdt_pro\r\n--x--")]
    public async Task Body_NotSentAsApplicationJson_Answers415WithoutCallingDodo(string contentType, string body)
    {
        // Arrange: a cross-site form (or a no-CORS fetch) can send these with the user's cookies; it cannot send application/json.
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);
        using var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        // Act
        var response = await app.Client.PostAsync(Pattern, content);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Body_LargerThanMaxRequestBodySize_Answers413WithoutCallingDodo(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, settings: new Dictionary<string, string?> { ["DodoPayments:MaxRequestBodySize"] = "1024" });
        var padding = new string('x', 2048);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json($$"""{"product_id":"pdt_pro","discount_codes":["{{padding}}"]}"""));

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(dodo.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task AllowedProducts_TargetNotListed_Answers400NamingProductIdWithoutCallingDodo(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, settings: new Dictionary<string, string?>
        {
            ["DodoPayments:PlanChange:AllowedProductIds:0"] = "pdt_basic",
            ["DodoPayments:PlanChange:AllowedProductIds:1"] = "pdt_pro",
        });

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_enterprise"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("product_id", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task AllowedProducts_TargetListed_IsChanged()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, settings: new Dictionary<string, string?> { ["DodoPayments:PlanChange:AllowedProductIds:0"] = "pdt_pro" });

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Dodo_InactiveSubscriptionInProduction_Answers400WithDodosCodeAndLogsItsMessage(string route)
    {
        // Arrange
        var dodo = NewStandIn().SetSubscriptionStatus("sub_1", "on_hold");
        var logs = new FakeLogCollector();
        await using var app = await StartAsync(dodo, logs: logs);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED", problem!.Extensions["code"]?.ToString());
        Assert.NotEqual("Plan changes are only supported for active subscriptions", problem.Detail);
        Assert.Contains(logs.GetSnapshot(), entry => entry.Message.Contains("Plan changes are only supported for active subscriptions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dodo_InactiveSubscriptionInDevelopment_Answers400WithDodosCodeAndMessage()
    {
        // Arrange
        var dodo = NewStandIn().SetSubscriptionStatus("sub_1", "on_hold");
        await using var app = await StartAsync(dodo, environment: "Development");

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED", problem!.Extensions["code"]?.ToString());
        Assert.Equal("Plan changes are only supported for active subscriptions", problem.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    public async Task Dodo_ChangeAnsweredWithEmptyBody_Answers200(string dodoBody)
    {
        // Arrange: Dodo changed the plan and said nothing more; answering an error would invite a second, charged attempt.
        var dodo = NewStandIn().Respond(HttpMethod.Post, "/subscriptions/sub_1/change-plan", 200, dodoBody);
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Null(body["payment_id"]);
        Assert.Null(body["payment_link"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Dodo_AnsweredWithUnreadableBody_Answers502AndLogsItOnceAsUnreadableNotUnreachable(string route)
    {
        // Arrange
        var dodo = NewStandIn().Respond(HttpMethod.Post, "/subscriptions/sub_1/change-plan", 200, "<html>proxy</html>");
        var logs = new FakeLogCollector();
        await using var app = await StartAsync(dodo, logs: logs);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Id.Id == UnreachableEventId);
        var failure = Assert.Single(logs.GetSnapshot(), entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(UnreadableAnswerEventId, failure.Id.Id);
    }

    [Fact]
    public async Task Dodo_ChangeAnsweredWithPaymentLinkThatIsNotAUrl_Answers200WithoutTheLink()
    {
        // Arrange: the change went through; the link is not passed to the browser, and is logged without its value.
        var dodo = NewStandIn().Respond(HttpMethod.Post, "/subscriptions/sub_1/change-plan", 200, """{"payment_id":"pay_1","payment_link":"javascript:alert(1)"}""");
        var logs = new FakeLogCollector();
        await using var app = await StartAsync(dodo, logs: logs);

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
        Assert.Equal("pay_1", (string?)JsonNode.Parse(text)!["payment_id"]);
        Assert.Contains(logs.GetSnapshot(), entry => entry.Message.Contains("payment_link", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), entry => entry.Message.Contains("javascript", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dodo_ScheduledCancellation_Answers400WithDodosCode()
    {
        // Arrange
        var dodo = NewStandIn().Fail(HttpMethod.Post, "/subscriptions/sub_1/change-plan", 422, "PLAN_CHANGE_NOT_ALLOWED_FOR_SCHEDULED_CANCELLATION", "The subscription is scheduled to cancel");
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("PLAN_CHANGE_NOT_ALLOWED_FOR_SCHEDULED_CANCELLATION", problem!.Extensions["code"]?.ToString());
    }

    [Fact]
    public async Task Dodo_UnknownSubscription_Answers400WithNotFound()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, subscriptionId: "sub_unknown");

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("NOT_FOUND", problem!.Extensions["code"]?.ToString());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(429)]
    public async Task Dodo_FailsOrRefusesTheKey_Answers502(int dodoStatus)
    {
        // Arrange
        var dodo = NewStandIn().Fail(HttpMethod.Post, "/subscriptions/", dodoStatus);
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostAsync($"{Pattern}/preview", Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dodo_TooSlow_Answers504()
    {
        // Arrange
        var dodo = NewStandIn().Delay(HttpMethod.Post, "/subscriptions/", TimeSpan.FromSeconds(10));
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoPlanChange(Pattern, _ => ValueTask.FromResult<string?>("sub_1")),
            configure: options => options.ApiTimeout = TimeSpan.FromMilliseconds(200));

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task MapDodoPlanChange_UnderMapGroupWithConventions_ServesBothRoutesUnderThePrefix()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapGroup("/billing")
            .MapDodoPlanChange("/plan", _ => ValueTask.FromResult<string?>("sub_1"))
            .WithTags("Billing"));

        // Act
        var preview = await app.Client.PostAsync("/billing/plan/preview", Json("""{"product_id":"pdt_pro"}"""));
        var change = await app.Client.PostAsync("/billing/plan", Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
    }

    [Fact]
    public async Task MapDodoPlanChange_Endpoints_CarryOpenApiMetadata()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var endpoints = app.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.DisplayName?.StartsWith("Dodo plan change", StringComparison.Ordinal) == true)
            .ToList();

        // Assert
        Assert.Equal(2, endpoints.Count);
        Assert.All(endpoints, endpoint =>
        {
            Assert.Contains(endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>(), produces => produces.StatusCode == 200);
            Assert.NotNull(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>());
        });
    }

    [Fact]
    public async Task StartUp_PlanChangeMappedWithoutApiKey_RefusesToStart()
    {
        // Arrange
        var dodo = NewStandIn();

        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(dodo, settings: new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = null }));

        // Assert
        Assert.Contains("DodoPayments:ApiKey", exception.Message, StringComparison.Ordinal);
    }
}
