using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Tests.Http;

public sealed class DodoBrowserPolicyTests
{
    private readonly DodoPaymentsOptions _options = new() { ReturnUrl = "https://shop.example.com/thanks" };

    [Fact]
    public void ServerOnly_SentOrNot_OnlyASentValueIsRefused()
    {
        // Arrange
        var policy = new DodoBrowserPolicy(_options, "IDodoCheckoutHook");

        // Act
        policy.ServerOnly("payment_method_id", null);
        policy.ServerOnly("show_saved_payment_methods", false);
        policy.ServerOnly("subscription_data.on_demand", new JsonObject());

        // Assert
        Assert.Equal(["show_saved_payment_methods", "subscription_data.on_demand"], policy.Failures.Select(failure => failure.PropertyName));
        Assert.All(policy.Failures, failure => Assert.Contains("(IDodoCheckoutHook)", failure.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void ServerOnly_WithAnOptionsSection_SaysTheAppSetsItThereOrInItsHook()
    {
        // Arrange
        var policy = new DodoBrowserPolicy(_options, "IDodoPlanChangeHook", optionsSection: "DodoPayments:PlanChange");

        // Act
        policy.ServerOnly("proration_billing_mode", "do_not_bill");

        // Assert
        Assert.Contains("(DodoPayments:PlanChange options or IDodoPlanChangeHook)", Assert.Single(policy.Failures).ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 0)]
    public void Unmodelled_ForwardingOffOrOn_EachFieldNamedUnderItsPrefixOrNone(bool forward, int refused)
    {
        // Arrange
        var policy = new DodoBrowserPolicy(_options, "IDodoCheckoutHook", forwardUnknownFieldsKey: "DodoPayments:Checkout:ForwardUnknownFields", forwardUnknownFields: forward);

        // Act
        policy.Unmodelled("customer.", ["tier", "vat"]);

        // Assert
        Assert.Equal(refused, policy.Failures.Count);
        Assert.All(policy.Failures, failure => Assert.StartsWith("customer.", failure.PropertyName, StringComparison.Ordinal));
        Assert.All(policy.Failures, failure => Assert.Contains("DodoPayments:Checkout:ForwardUnknownFields", failure.ErrorMessage, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://shop.example.com/back", true)]
    [InlineData("https://evil.example.net/back", false)]
    [InlineData("", false)]
    public void ReturnUrl_SentByTheBrowser_MustBeOnAnAllowedHost(string? url, bool allowed)
    {
        // Arrange
        var policy = new DodoBrowserPolicy(_options, "IDodoCheckoutHook");

        // Act
        policy.ReturnUrl("cancel_url", url);

        // Assert
        Assert.Equal(allowed ? [] : ["cancel_url"], policy.Failures.Select(failure => failure.PropertyName));
    }
}
