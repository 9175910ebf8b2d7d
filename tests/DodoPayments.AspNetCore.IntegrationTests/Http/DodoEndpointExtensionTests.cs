using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.DependencyInjection;
using DodoPayments.AspNetCore.Http;
using DodoPayments.AspNetCore.IntegrationTests.Checkout;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.IntegrationTests.Http;

/// <summary>
/// What CONTRIBUTING.md's "A new Dodo API call" promises: a new endpoint is a <see cref="DodoEndpoint{TRequest}"/> and one
/// <see cref="DodoEndpointMapping.MapDodoFeature(IEndpointRouteBuilder, string, Func{HttpContext, ValueTask{string}}, DodoPaymentsFeatures, string, Action{IEndpointRouteBuilder, ILoggerFactory}, string)"/>
/// call, and gets the whole pipeline: resolver, body limits, browser fields, its own rules, failure answers, ApiKey at start-up.
/// </summary>
public sealed class DodoEndpointExtensionTests
{
    private const string Path = "/api/subscription/scheduled-change/cancel";
    private const string DodoPath = "/subscriptions/sub_1/change-plan/scheduled";

    private static Task<DodoTestApp> StartAsync(DodoApiStandIn dodo, IDictionary<string, string?>? settings = null) =>
        DodoTestApp.StartAsync(dodo, MapCancelScheduledChange, settings);

    private static void MapCancelScheduledChange(IEndpointRouteBuilder endpoints) =>
        endpoints.MapDodoFeature(Path, static _ => ValueTask.FromResult<string?>("sub_1"), DodoPaymentsFeatures.ApiEndpoint, "MapTestCancel", (group, loggers) =>
            group.MapDodoEndpoint(Path, HttpMethods.Post, new CancelScheduledChangeEndpoint(loggers).HandleAsync, typeof(CancelBody), new(StatusCodes.Status204NoContent), DodoEndpointMapping.ResolverApiProblems));

    [Fact]
    public async Task NewEndpoint_ValidBody_CallsDodoForTheResolvedSubscription()
    {
        // Arrange
        var dodo = new DodoApiStandIn().Respond(HttpMethod.Delete, DodoPath, 200, string.Empty);
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(Path, """{"reason":"too expensive"}""");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(DodoPath, Assert.Single(dodo.Requests).Path);
    }

    [Theory]
    [InlineData("""{"reason":"x","metadata":{"user_id":"42"}}""", "metadata")]
    [InlineData("""{"reason":""}""", "reason")]
    public async Task NewEndpoint_FieldTheBrowserMayNotSendOrItsOwnRule_Answers400NamingItWithoutCallingDodo(string body, string field)
    {
        // Arrange
        var dodo = new DodoApiStandIn();
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(Path, body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadJsonAsync()).ErrorKeys());
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task NewEndpoint_DodoFails_Answers502()
    {
        // Arrange
        var dodo = new DodoApiStandIn().Respond(HttpMethod.Delete, DodoPath, 503, """{"code":"UNAVAILABLE","message":"later"}""");
        await using var app = await StartAsync(dodo);

        // Act
        var response = await app.Client.PostJsonAsync(Path, """{"reason":"x"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task NewEndpoint_MappedWithoutApiKey_RefusesToStart()
    {
        // Act
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new DodoApiStandIn(), new Dictionary<string, string?> { ["DodoPayments:ApiKey"] = null }));

        // Assert
        Assert.Contains("DodoPayments:ApiKey is required", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The body of the example endpoint.</summary>
    internal sealed class CancelBody
    {
        [JsonPropertyName("reason")]
        public string? Reason { get; set; }

        [JsonPropertyName("metadata")]
        public Dictionary<string, JsonElement>? Metadata { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    /// <summary>The example: cancel the signed-in customer's scheduled plan change, giving a reason.</summary>
    private sealed class CancelScheduledChangeEndpoint(ILoggerFactory loggers) : DodoEndpoint<CancelBody>(
        "scheduled change cancellation",
        loggers.CreateLogger("Tests"),
        new SubjectResolver("subscription_id", static _ => ValueTask.FromResult<string?>("sub_1"), "Sign in.", "Sign in first."))
    {
        protected override IValidator<CancelBody> DefaultValidator { get; } = new InlineValidator<CancelBody>
        {
            validator => validator.RuleFor(body => body.Reason).NotEmpty().OverridePropertyName("reason"),
        };

        protected override ValueTask<(CancelBody? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call) =>
            ReadJsonAsync(call, CancelJsonContext.Default.CancelBody, requireJsonContentType: true);

        protected override DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options) => new(options, "the app");

        protected override void CheckBrowserFields(CancelBody request, DodoBrowserPolicy policy)
        {
            policy.ServerOnly("metadata", request.Metadata);
            policy.Unmodelled(string.Empty, request.AdditionalProperties?.Keys);
        }

        protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, CancelBody request)
        {
            await call.Client.CancelScheduledPlanChangeAsync(call.Subject!, call.Aborted);
            return TypedResults.NoContent();
        }
    }
}

[JsonSerializable(typeof(DodoEndpointExtensionTests.CancelBody))]
internal sealed partial class CancelJsonContext : JsonSerializerContext;
