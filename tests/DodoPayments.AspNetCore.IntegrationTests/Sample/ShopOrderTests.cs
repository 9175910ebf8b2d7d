using DodoPayments.AspNetCore.Sample.Store;

namespace DodoPayments.AspNetCore.IntegrationTests.Sample;

/// <summary>The order rules the webhook handlers apply, whatever order Dodo's events arrive in.</summary>
public sealed class ShopOrderTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddMinutes(1);

    [Fact]
    public void RecordPaymentFailure_AfterPayment_KeepsTheOrderPaid()
    {
        // Arrange
        var order = ShopOrder.Create("user_1", "E-book", ["pdt_field_guide"], Created);
        order.RecordPayment("pay_1", 1900, "USD", subscriptionId: null, Created);

        // Act
        order.RecordPaymentFailure("pay_2", "declined", Later);

        // Assert
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("pay_1", order.PaymentId);
        Assert.Null(order.FailureReason);
    }

    [Fact]
    public void RecordPaymentFailure_PendingOrder_MarksItFailedWithTheReason()
    {
        // Arrange
        var order = ShopOrder.Create("user_1", "E-book", ["pdt_field_guide"], Created);

        // Act
        order.RecordPaymentFailure("pay_1", "declined", Later);

        // Assert
        Assert.Equal(OrderStatus.Failed, order.Status);
        Assert.Equal("declined", order.FailureReason);
        Assert.Equal(Later, order.UpdatedAt);
    }

    [Fact]
    public void RecordPayment_AfterSubscriptionActivated_KeepsTheOrderActive()
    {
        // Arrange
        var order = ShopOrder.Create("user_1", "Pro", ["pdt_pro_monthly"], Created);
        order.RecordSubscriptionActive("sub_1", "pdt_pro_monthly", "Pro", Created);

        // Act
        order.RecordPayment("pay_1", 2900, "USD", "sub_1", Later);

        // Assert
        Assert.Equal(OrderStatus.Active, order.Status);
        Assert.Equal("pay_1", order.PaymentId);
        Assert.Equal(2900, order.Amount);
    }

    [Fact]
    public void RecordSubscriptionActive_PlanChosenOnCheckout_RecordsThatPlan()
    {
        // Arrange: a checkout of the collection, where the customer picks the plan on Dodo's page
        var order = ShopOrder.Create("user_1", "A plan chosen on checkout", [], Created);

        // Act
        order.RecordSubscriptionActive("sub_1", "pdt_enterprise_yearly", "Enterprise (yearly)", Later);

        // Assert
        Assert.Equal(OrderStatus.Active, order.Status);
        Assert.Equal(["pdt_enterprise_yearly"], order.ProductIds);
        Assert.Equal("Enterprise (yearly)", order.Description);
        Assert.Equal("sub_1", order.SubscriptionId);
    }

    [Theory]
    [InlineData(29, OrderStatus.Pending)]
    [InlineData(30, OrderStatus.Abandoned)]
    [InlineData(24 * 60, OrderStatus.Abandoned)]
    public void StatusAt_PendingCheckout_IsAbandonedOnceTheWindowHasPassed(int minutesLater, string expected)
    {
        // Arrange
        var order = ShopOrder.Create("user_1", "E-book", ["pdt_field_guide"], Created);

        // Act
        var status = order.StatusAt(Created.AddMinutes(minutesLater), TimeSpan.FromMinutes(30));

        // Assert
        Assert.Equal(expected, status);
        Assert.Equal(OrderStatus.Pending, order.Status);
    }

    [Fact]
    public void StatusAt_PaidLongAgo_StaysPaid()
    {
        // Arrange
        var order = ShopOrder.Create("user_1", "E-book", ["pdt_field_guide"], Created);
        order.RecordPayment("pay_1", 1900, "USD", subscriptionId: null, Later);

        // Act
        var status = order.StatusAt(Created.AddDays(2), TimeSpan.FromMinutes(30));

        // Assert
        Assert.Equal(OrderStatus.Paid, status);
    }

    [Fact]
    public void IsPaidByAnotherPayment_ActivePlanPaidThenALaterChargeOfItsSubscription_IsTrueOnlyForTheOtherPayment()
    {
        // Arrange
        var order = ShopOrder.Create("user_1", "Pro", ["pdt_pro_monthly"], Created);
        order.RecordSubscriptionActive("sub_1", "pdt_pro_monthly", "Pro", Created);
        var unpaid = order.IsPaidByAnotherPayment("pay_1");
        order.RecordPayment("pay_1", 2900, "USD", "sub_1", Later);

        // Act
        var sameAgain = order.IsPaidByAnotherPayment("pay_1");
        var planChangeCharge = order.IsPaidByAnotherPayment("pay_2");

        // Assert
        Assert.False(unpaid);
        Assert.False(sameAgain);
        Assert.True(planChangeCharge);
    }

    [Fact]
    public void Create_TwoOrders_GetDifferentIds()
    {
        // Act
        var first = ShopOrder.Create("user_1", "E-book", ["pdt_field_guide"], Created);
        var second = ShopOrder.Create("user_1", "E-book", ["pdt_field_guide"], Created);

        // Assert
        Assert.StartsWith("ord_", first.OrderId, StringComparison.Ordinal);
        Assert.NotEqual(first.OrderId, second.OrderId);
        Assert.Equal(OrderStatus.Pending, first.Status);
    }
}
