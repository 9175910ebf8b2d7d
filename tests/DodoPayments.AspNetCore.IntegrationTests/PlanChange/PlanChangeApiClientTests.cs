using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.IntegrationTests.Infrastructure;
using DodoPayments.AspNetCore.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.IntegrationTests.PlanChange;

/// <summary>The typed client methods an app calls from its own code, against the stand-in.</summary>
public sealed class PlanChangeApiClientTests
{
    private static DodoApiStandIn NewStandIn() => new DodoApiStandIn()
        .AddSubscriptionProduct("pdt_basic", "Basic", price: 3000)
        .AddSubscriptionProduct("pdt_pro", "Pro", price: 8000)
        .AddSubscription("sub_1", "pdt_basic", "cus_1");

    private static async Task<(DodoTestApp App, IDodoPaymentsApiClient Client)> StartAsync(DodoApiStandIn dodo)
    {
        var app = await DodoTestApp.StartAsync(dodo, endpoints => endpoints.MapDodoPlanChange("/plan", _ => ValueTask.FromResult<string?>("sub_1")));
        return (app, app.Services.GetRequiredService<IDodoPaymentsApiClient>());
    }

    [Fact]
    public async Task PreviewPlanChangeAsync_Upgrade_ReturnsTypedChargeAndNewPlan()
    {
        // Arrange
        var dodo = NewStandIn();
        var (app, client) = await StartAsync(dodo);
        await using var _ = app;

        // Act
        var preview = await client.PreviewPlanChangeAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1, ProrationBillingMode = "difference_immediately" });

        // Assert
        Assert.Equal(5000, preview.ImmediateCharge!.Summary!.TotalAmount);
        var line = Assert.Single(preview.ImmediateCharge.LineItems!);
        Assert.Equal("subscription", line.Type);
        Assert.Equal(8000, line.UnitPrice);
        Assert.Equal("pdt_pro", preview.NewPlan!.ProductId);
        Assert.Equal(8000, preview.NewPlan.RecurringPreTaxAmount);
    }

    [Fact]
    public async Task ChangePlanAsync_Upgrade_ReturnsThePayment()
    {
        // Arrange
        var dodo = NewStandIn();
        var (app, client) = await StartAsync(dodo);
        await using var _ = app;

        // Act
        var result = await client.ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1, ProrationBillingMode = "full_immediately" });

        // Assert
        Assert.StartsWith("pay_", result.PaymentId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelScheduledPlanChangeAsync_AfterScheduledChange_CancelsIt()
    {
        // Arrange
        var dodo = NewStandIn();
        var (app, client) = await StartAsync(dodo);
        await using var _ = app;
        await client.ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro", Quantity = 1, ProrationBillingMode = "do_not_bill", EffectiveAt = "next_billing_date" });

        // Act
        await client.CancelScheduledPlanChangeAsync("sub_1");

        // Assert: a second cancel finds nothing scheduled.
        var again = await Assert.ThrowsAsync<DodoApiException>(() => client.CancelScheduledPlanChangeAsync("sub_1"));
        Assert.Equal("NOT_FOUND", again.ErrorCode);
        Assert.Equal("/subscriptions/sub_1/change-plan/scheduled", dodo.Requests[^1].Path);
    }

    [Fact]
    public async Task ChangePlanAsync_InactiveSubscription_ThrowsWithDodosCode()
    {
        // Arrange
        var dodo = NewStandIn().SetSubscriptionStatus("sub_1", "cancelled");
        var (app, client) = await StartAsync(dodo);
        await using var _ = app;

        // Act
        var exception = await Assert.ThrowsAsync<DodoApiException>(() => client.ChangePlanAsync("sub_1", new ChangePlanRequest { ProductId = "pdt_pro" }));

        // Assert
        Assert.Equal("INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED", exception.ErrorCode);
    }
}
