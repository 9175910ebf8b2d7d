using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.PlanChange;
using DodoPayments.AspNetCore.Testing;
using static DodoPayments.AspNetCore.IntegrationTests.PlanChange.PlanChangeTestHost;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.PlanChange;

public sealed class PlanChangeHookTests
{
    private static Task<DodoTestApp> StartAsync(DodoApiStandIn dodo, IDictionary<string, string?>? settings = null, params IDodoPlanChangeHook[] hooks) =>
        DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoPlanChange(Pattern, _ => ValueTask.FromResult<string?>("sub_1")),
            settings,
            services =>
            {
                foreach (var hook in hooks)
                {
                    services.AddSingleton(hook);
                }
            });

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Hook_SetsBillingTermsMetadataAndUnmodelledFields_TheyReachDodo(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        var hook = new BillingTermsHook();
        await using var app = await StartAsync(dodo, hooks: hook);

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(dodo.Requests).Json!;
        Assert.Equal("difference_immediately", (string?)sent["proration_billing_mode"]);
        Assert.Equal("prevent_change", (string?)sent["on_payment_failure"]);
        Assert.Equal("user_42", (string?)sent["metadata"]!["user_id"]);
        Assert.True((bool)sent["adaptive_currency_fees_inclusive"]!);
        Assert.Equal(route == "/preview", hook.LastIsPreview);
        Assert.Equal("sub_1", hook.LastSubscriptionId);
    }

    [Fact]
    public async Task Hook_SeesTheConfiguredDefaults_AndItsValuesWin()
    {
        // Arrange
        var dodo = NewStandIn();
        var hook = new BillingTermsHook();
        await using var app = await StartAsync(
            dodo,
            new Dictionary<string, string?>
            {
                ["DodoPayments:PlanChange:ProrationBillingMode"] = "full_immediately",
                ["DodoPayments:PlanChange:OnPaymentFailure"] = "apply_change",
            },
            hook);

        // Act
        await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal("full_immediately", hook.SeenProrationBillingMode);
        Assert.Equal("apply_change", hook.SeenOnPaymentFailure);
        Assert.Equal(1, hook.SeenQuantity);
        var sent = Assert.Single(dodo.Requests).Json!;
        Assert.Equal("difference_immediately", (string?)sent["proration_billing_mode"]);
        Assert.Equal("prevent_change", (string?)sent["on_payment_failure"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/preview")]
    public async Task Hook_Refuses_AnswersItsProblemWithoutCallingDodo(string route)
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, hooks: new RefusingHook(StatusCodes.Status403Forbidden));

        // Act
        var response = await app.Client.PostAsync(Pattern + route, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Plan changes are locked for this account.", problem!.Title);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Hook_RefusesWithoutStatus_Answers400()
    {
        // Arrange
        var dodo = NewStandIn();
        await using var app = await StartAsync(dodo, hooks: new RefusingHook(status: null));

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Hooks_Several_RunInRegistrationOrderAndTheFirstRefusalWins()
    {
        // Arrange
        var dodo = NewStandIn();
        var first = new BillingTermsHook();
        var refusing = new RefusingHook(StatusCodes.Status403Forbidden);
        var never = new BillingTermsHook();
        await using var app = await StartAsync(dodo, hooks: [first, refusing, never]);

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, first.Calls);
        Assert.Equal(0, never.Calls);
    }

    [Fact]
    public async Task Hook_InvalidOrForbiddenBody_IsNotCalled()
    {
        // Arrange: the hook runs after validation, so it never sees what the browser may not send.
        var dodo = NewStandIn();
        var hook = new BillingTermsHook();
        await using var app = await StartAsync(dodo, hooks: hook);

        // Act
        var invalid = await app.Client.PostAsync(Pattern, Json("""{"quantity":0}"""));
        var forbidden = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro","proration_billing_mode":"do_not_bill"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forbidden.StatusCode);
        Assert.Equal(0, hook.Calls);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task Hook_ChangesTheProductToOneNotAllowed_Answers400NamingProductId()
    {
        // Arrange: AllowedProductIds is checked after the hooks, so it holds whatever they do.
        var dodo = NewStandIn();
        await using var app = await StartAsync(
            dodo,
            new Dictionary<string, string?> { ["DodoPayments:PlanChange:AllowedProductIds:0"] = "pdt_pro" },
            new ProductSwitchingHook("pdt_enterprise"));

        // Act
        var response = await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("product_id", problem!.Errors.Keys);
        Assert.Empty(dodo.Requests);
    }

    [Fact]
    public async Task AddPlanChangeHook_RegisteredTwice_RunsOncePerRequestFromTheRequestScope()
    {
        // Arrange
        var dodo = NewStandIn();
        var recorder = new HookRecorder();
        await using var app = await DodoTestApp.StartAsync(
            dodo,
            endpoints => endpoints.MapDodoPlanChange(Pattern, _ => ValueTask.FromResult<string?>("sub_1")),
            services: services =>
            {
                services.AddSingleton(recorder);
                services.AddDodoPayments().AddPlanChangeHook<ScopedHook>().AddPlanChangeHook<ScopedHook>();
            });

        // Act
        await app.Client.PostAsync($"{Pattern}/preview", Json("""{"product_id":"pdt_pro"}"""));
        await app.Client.PostAsync(Pattern, Json("""{"product_id":"pdt_pro"}"""));

        // Assert
        Assert.Equal(2, recorder.Hooks.Count);
        Assert.NotSame(recorder.Hooks[0], recorder.Hooks[1]);
    }

    private sealed class BillingTermsHook : IDodoPlanChangeHook
    {
        public int Calls { get; private set; }

        public bool? LastIsPreview { get; private set; }

        public string? LastSubscriptionId { get; private set; }

        public string? SeenProrationBillingMode { get; private set; }

        public string? SeenOnPaymentFailure { get; private set; }

        public int? SeenQuantity { get; private set; }

        public ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview)
        {
            Calls++;
            LastIsPreview = isPreview;
            LastSubscriptionId = subscriptionId;
            SeenProrationBillingMode = request.ProrationBillingMode;
            SeenOnPaymentFailure = request.OnPaymentFailure;
            SeenQuantity = request.Quantity;
            request.ProrationBillingMode = "difference_immediately";
            request.OnPaymentFailure = "prevent_change";
            request.Metadata = new() { ["user_id"] = "user_42" };
            request.AdditionalProperties = new() { ["adaptive_currency_fees_inclusive"] = JsonElement.Parse("true") };
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class RefusingHook(int? status) : IDodoPlanChangeHook
    {
        public ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview) =>
            ValueTask.FromResult<ProblemDetails?>(new ProblemDetails { Status = status, Title = "Plan changes are locked for this account." });
    }

    private sealed class ProductSwitchingHook(string productId) : IDodoPlanChangeHook
    {
        public ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview)
        {
            request.ProductId = productId;
            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }

    private sealed class HookRecorder
    {
        public List<IDodoPlanChangeHook> Hooks { get; } = [];
    }

    private sealed class ScopedHook(HookRecorder recorder) : IDodoPlanChangeHook
    {
        public ValueTask<ProblemDetails?> OnPlanChangeAsync(HttpContext httpContext, string subscriptionId, ChangePlanRequest request, bool isPreview)
        {
            lock (recorder)
            {
                recorder.Hooks.Add(this);
            }

            return ValueTask.FromResult<ProblemDetails?>(null);
        }
    }
}
