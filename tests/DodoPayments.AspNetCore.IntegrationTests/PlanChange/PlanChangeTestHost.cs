using System.Text;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.IntegrationTests.PlanChange;

/// <summary>What the plan change endpoint tests share: the route, the plans and subscription the stand-in knows, JSON bodies.</summary>
internal static class PlanChangeTestHost
{
    public const string Pattern = "/api/subscription/plan";

    /// <summary>Basic (30.00), Pro (80.00) and Enterprise (500.00) monthly plans, and <c>sub_1</c> on Basic.</summary>
    public static DodoApiStandIn NewStandIn() => new DodoApiStandIn()
        .AddSubscriptionProduct("pdt_basic", "Basic", price: 3000)
        .AddSubscriptionProduct("pdt_pro", "Pro", price: 8000)
        .AddSubscriptionProduct("pdt_enterprise", "Enterprise", price: 50000)
        .AddSubscription("sub_1", "pdt_basic", "cus_1");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
