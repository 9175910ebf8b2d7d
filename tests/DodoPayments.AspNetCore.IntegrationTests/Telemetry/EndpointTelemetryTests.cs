using System.Diagnostics;
using System.Net;
using DodoPayments.AspNetCore.IntegrationTests.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.IntegrationTests.PlanChange;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.Telemetry;

/// <summary>Spans of the static activity source are seen by every app in the process: these tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ApiSpanCollection
{
    public const string Name = "Dodo API spans";
}

/// <summary>
/// The Dodo API calls (<c>dodo.api.calls</c>, <c>dodo.api.call.duration</c>, a client span per call) and the requests
/// of the checkout, customer portal and plan change endpoints (<c>dodo.endpoint.requests</c>).
/// </summary>
[Collection(ApiSpanCollection.Name)]
public sealed class EndpointTelemetryTests
{
    private const string SessionBody = """{"product_cart":[{"product_id":"pdt_book","quantity":1}]}""";

    [Fact]
    public async Task Checkout_DodoAnswers_CountsTheCallByOperationAndStatusAndTheRequestAsSuccess()
    {
        // Arrange
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(new DodoApiStandIn().AddOneTimeProduct("pdt_book"));
        using var calls = Metrics.Collect<long>(app, "dodo.api.calls");
        using var durations = Metrics.Collect<double>(app, "dodo.api.call.duration");
        using var requests = Metrics.Collect<long>(app, "dodo.endpoint.requests");

        // Act
        using var response = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(calls.GetMeasurementSnapshot(), m => (string?)m.Tag("dodo.api.operation") == "checkouts.create");
        Assert.Equal(200, call.Tag("http.response.status_code"));
        Assert.Null(call.Tag("error.type"));
        var duration = Assert.Single(durations.GetMeasurementSnapshot(), m => (string?)m.Tag("dodo.api.operation") == "checkouts.create");
        Assert.True(duration.Value >= 0);
        Assert.Equal("s", durations.Instrument!.Unit);
        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("checkout", request.Tag("dodo.endpoint.name"));
        Assert.Equal("success", request.Tag("dodo.endpoint.outcome"));
        Assert.Equal(200, request.Tag("http.response.status_code"));
    }

    [Theory]
    [InlineData(422, "invalid", 400)]
    [InlineData(503, "upstream_error", 502)]
    public async Task Checkout_DodoRefuses_CountsTheCallWithItsStatusAsErrorTypeAndTheRequestByOutcome(int dodoStatus, string outcome, int answered)
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Fail(HttpMethod.Post, "/checkouts", dodoStatus, "SOME_CODE", "cus_secret ann@example.com");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);
        using var calls = Metrics.Collect<long>(app, "dodo.api.calls");
        using var requests = Metrics.Collect<long>(app, "dodo.endpoint.requests");

        // Act
        using var response = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);

        // Assert
        Assert.Equal(answered, (int)response.StatusCode);
        var call = Assert.Single(calls.GetMeasurementSnapshot(), m => (string?)m.Tag("dodo.api.operation") == "checkouts.create");
        Assert.Equal(dodoStatus, call.Tag("http.response.status_code"));
        Assert.Equal(dodoStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Tag("error.type"));
        Assert.Equal(outcome, Assert.Single(requests.GetMeasurementSnapshot()).Tag("dodo.endpoint.outcome"));
    }

    [Fact]
    public async Task Checkout_DodoAnswersAnUnusableLink_CountsTheCallAsUnreadable()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Respond(HttpMethod.Post, "/checkouts", 200, """{"session_id":"cks_1","checkout_url":"javascript:alert(1)"}""");
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);
        using var calls = Metrics.Collect<long>(app, "dodo.api.calls");

        // Act
        using var response = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var call = Assert.Single(calls.GetMeasurementSnapshot(), m => (string?)m.Tag("dodo.api.operation") == "checkouts.create");
        Assert.Equal("unreadable_response", call.Tag("error.type"));
        Assert.Equal(200, call.Tag("http.response.status_code"));
    }

    [Fact]
    public async Task Checkout_InvalidBody_CountsInvalidWithoutCallingDodo()
    {
        // Arrange
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(new DodoApiStandIn().AddOneTimeProduct("pdt_book"));
        using var calls = Metrics.Collect<long>(app, "dodo.api.calls");
        using var requests = Metrics.Collect<long>(app, "dodo.endpoint.requests");

        // Act
        using var response = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, """{"product_cart":[]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(calls.GetMeasurementSnapshot());
        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("checkout", request.Tag("dodo.endpoint.name"));
        Assert.Equal("invalid", request.Tag("dodo.endpoint.outcome"));
    }

    [Fact]
    public async Task Checkout_DodoSlowerThanTheTimeout_CountsTheCallAsTimeoutAndTheRequestAsUpstreamTimeout()
    {
        // Arrange
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Delay(HttpMethod.Post, "/checkouts", TimeSpan.FromSeconds(30));
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo, new Dictionary<string, string?> { ["DodoPayments:ApiTimeout"] = "00:00:00.100" });
        using var calls = Metrics.Collect<long>(app, "dodo.api.calls");
        using var requests = Metrics.Collect<long>(app, "dodo.endpoint.requests");

        // Act
        using var response = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);

        // Assert
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("timeout", Assert.Single(calls.GetMeasurementSnapshot(), m => (string?)m.Tag("dodo.api.operation") == "checkouts.create").Tag("error.type"));
        Assert.Equal("upstream_timeout", Assert.Single(requests.GetMeasurementSnapshot()).Tag("dodo.endpoint.outcome"));
    }

    [Fact]
    public async Task Checkout_BodyOverTheLimit_CountsTooLarge()
    {
        // Arrange
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(new DodoApiStandIn().AddOneTimeProduct("pdt_book"), new Dictionary<string, string?> { ["DodoPayments:MaxRequestBodySize"] = "16" });
        using var requests = Metrics.Collect<long>(app, "dodo.endpoint.requests");

        // Act
        using var response = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("too_large", request.Tag("dodo.endpoint.outcome"));
        Assert.Equal(413, request.Tag("http.response.status_code"));
    }

    [Fact]
    public async Task EveryEndpoint_Answered_IsCountedUnderItsOwnName()
    {
        // Arrange
        var dodo = PlanChangeTestHost.NewStandIn().AddOneTimeProduct("pdt_book").AddCustomer("cus_1");
        await using var app = await DodoTestApp.StartAsync(dodo, endpoints =>
        {
            endpoints.MapDodoCheckout();
            endpoints.MapDodoDynamicCheckout();
            endpoints.MapDodoCustomerPortal("/portal");
            endpoints.MapDodoCustomerPortal("/my-portal", _ => ValueTask.FromResult<string?>(null));
            endpoints.MapDodoPlanChange(PlanChangeTestHost.Pattern, _ => ValueTask.FromResult<string?>("sub_1"));
        });
        using var requests = Metrics.Collect<long>(app, "dodo.endpoint.requests");

        // Act
        using var session = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);
        using var staticCheckout = await app.Client.GetAsync("/api/checkout?productId=pdt_book");
        using var dynamic = await app.Client.PostJsonAsync(CheckoutHttp.DynamicPath, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com","name":"Ada"}}""");
        using var portal = await app.Client.GetAsync("/portal?customer_id=cus_1");
        using var signedOut = await app.Client.GetAsync("/my-portal");
        using var preview = await app.Client.PostAsync($"{PlanChangeTestHost.Pattern}/preview", PlanChangeTestHost.Json("""{"product_id":"pdt_pro"}"""));
        using var change = await app.Client.PostAsync(PlanChangeTestHost.Pattern, PlanChangeTestHost.Json("""{"product_id":"pdt_pro"}"""));
        using var notJson = await app.Client.PostAsync(PlanChangeTestHost.Pattern, new StringContent("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(
            [
                ("checkout", "success"), ("static_checkout", "success"), ("dynamic_checkout", "success"), ("customer_portal", "success"),
                ("customer_portal", "unauthorized"), ("plan_change_preview", "success"), ("plan_change", "success"), ("plan_change", "unsupported_media_type"),
            ],
            requests.GetMeasurementSnapshot().Select(m => ((string?)m.Tag("dodo.endpoint.name"), (string?)m.Tag("dodo.endpoint.outcome"))));
        Assert.Equal(302, requests.GetMeasurementSnapshot()[3].Tag("http.response.status_code"));
    }

    [Fact]
    public async Task Checkout_DodoAnswers_EndsAClientSpanPerApiCallInsideNoOtherTag()
    {
        // Arrange
        using var spans = new SpanCapture();
        var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book").Fail(HttpMethod.Post, "/payments", 503);
        await using var app = await CheckoutHttp.StartCheckoutAppAsync(dodo);

        // Act
        using var session = await app.Client.PostJsonAsync(CheckoutHttp.SessionPath, SessionBody);
        using var failed = await app.Client.PostJsonAsync(CheckoutHttp.DynamicPath, """{"product_id":"pdt_book","billing":{"country":"US"},"customer":{"email":"ada@example.com","name":"Ada"}}""");

        // Assert
        var created = Assert.Single(spans.Spans, span => span.OperationName == "checkouts.create");
        Assert.Equal(ActivityKind.Client, created.Kind);
        Assert.Equal("checkouts.create", created.GetTagItem("dodo.api.operation"));
        Assert.Equal(200, created.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, created.Status);
        var payment = Assert.Single(spans.Spans, span => span.OperationName == "payments.create");
        Assert.Equal(503, payment.GetTagItem("http.response.status_code"));
        Assert.Equal("503", payment.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, payment.Status);
        Assert.Contains(payment.Events, e => e.Name == "exception");
    }
}
