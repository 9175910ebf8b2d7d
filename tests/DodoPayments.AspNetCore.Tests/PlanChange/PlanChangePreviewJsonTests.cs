using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Tests.PlanChange;

public sealed class PlanChangePreviewJsonTests
{
    private const string Preview = """
        {
          "immediate_charge": {
            "effective_at": "2026-11-21T10:00:00Z",
            "line_items": [
              {"type": "subscription", "id": "sub_1", "currency": "USD", "product_id": "pdt_pro", "proration_factor": 0.4838709677,
               "quantity": 2, "tax_inclusive": false, "unit_price": 8000, "name": "Pro", "tax": 120, "tax_rate": 18},
              {"type": "addon", "id": "adn_seat", "currency": "USD", "name": "Seat", "proration_factor": 0.5, "quantity": 3,
               "tax_category": "saas", "tax_inclusive": true, "tax_rate": 0, "unit_price": 500},
              {"type": "meter", "id": "mtr_api", "chargeable_units": "1200.5", "currency": "USD", "free_threshold": 1000, "name": "API calls",
               "price_per_unit": "0.25", "subtotal": 300, "tax_inclusive": false, "tax_rate": 0, "units_consumed": 2200.5},
              {"type": "credit", "id": "crd_1", "amount": -250}
            ],
            "summary": {"currency": "USD", "total_amount": 9050, "tax": 120, "customer_credits": 0,
                        "settlement_amount": 9050, "settlement_currency": "USD", "discount": 0}
          },
          "new_plan": {"subscription_id": "sub_1", "status": "active", "product_id": "pdt_pro", "quantity": 2, "currency": "USD",
                       "recurring_pre_tax_amount": 16000, "next_billing_date": "2026-12-01T00:00:00Z",
                       "customer": {"customer_id": "cus_1", "email": "a@example.com", "name": "A"},
                       "addons": [{"addon_id": "adn_seat", "quantity": 3}], "meters": [{"meter_id": "mtr_api"}], "discount_id": null}
        }
        """;

    private static PlanChangePreview Read(string json) => JsonSerializer.Deserialize(json, DodoApiJsonContext.Default.PlanChangePreview)!;

    [Fact]
    public void Read_SubscriptionLine_IsTyped()
    {
        // Arrange, Act
        var line = Read(Preview).ImmediateCharge!.LineItems![0];

        // Assert
        Assert.Equal("subscription", line.Type);
        Assert.Equal("pdt_pro", line.ProductId);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(8000, line.UnitPrice);
        Assert.Equal(0.4838709677m, line.ProrationFactor);
        Assert.Equal(120, line.Tax);
        Assert.Equal(18m, line.TaxRate);
    }

    [Fact]
    public void Read_AddonLine_IsTyped()
    {
        // Arrange, Act
        var line = Read(Preview).ImmediateCharge!.LineItems![1];

        // Assert
        Assert.Equal("addon", line.Type);
        Assert.Equal("saas", line.TaxCategory);
        Assert.Equal(3, line.Quantity);
        Assert.True(line.TaxInclusive);
    }

    [Fact]
    public void Read_MeterLineWithDecimalStringsOrNumbers_IsTyped()
    {
        // Arrange, Act
        var line = Read(Preview).ImmediateCharge!.LineItems![2];

        // Assert
        Assert.Equal("meter", line.Type);
        Assert.Equal(1200.5m, line.ChargeableUnits);
        Assert.Equal(2200.5m, line.UnitsConsumed);
        Assert.Equal(0.25m, line.PricePerUnit);
        Assert.Equal(1000m, line.FreeThreshold);
        Assert.Equal(300, line.Subtotal);
    }

    [Fact]
    public void Read_UnknownLineKind_IsKeptWithItsFields()
    {
        // Arrange, Act
        var line = Read(Preview).ImmediateCharge!.LineItems![3];

        // Assert
        Assert.Equal("credit", line.Type);
        Assert.Equal(-250, line.AdditionalProperties!["amount"].GetInt64());
    }

    [Fact]
    public void Read_Summary_IsTypedAndKeepsUnknownFields()
    {
        // Arrange, Act
        var summary = Read(Preview).ImmediateCharge!.Summary!;

        // Assert
        Assert.Equal(9050, summary.TotalAmount);
        Assert.Equal("USD", summary.SettlementCurrency);
        Assert.True(summary.AdditionalProperties!.ContainsKey("discount"));
    }

    [Fact]
    public void Read_NewPlan_IsTypedWithItsRawJsonKept()
    {
        // Arrange, Act
        var plan = Read(Preview).NewPlan!;

        // Assert
        Assert.Equal("pdt_pro", plan.ProductId);
        Assert.Equal(16000, plan.RecurringPreTaxAmount);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), plan.NextBillingDate);
        Assert.Equal("cus_1", plan.Customer!.CustomerId);
        Assert.Equal("adn_seat", Assert.Single(plan.Addons!).AddonId);
        Assert.True(plan.AdditionalProperties!.ContainsKey("meters"));
        Assert.Equal("mtr_api", plan.Json.GetProperty("meters")[0].GetProperty("meter_id").GetString());
    }

    [Fact]
    public void Read_NewPlanFieldOfUnexpectedShape_KeepsTheRawJsonInsteadOfFailing()
    {
        // Arrange
        const string Odd = """{"new_plan": {"product_id": "pdt_pro", "quantity": {"units": 2}}}""";

        // Act
        var plan = Read(Odd).NewPlan!;

        // Assert
        Assert.Null(plan.ProductId);
        Assert.Equal(2, plan.Json.GetProperty("quantity").GetProperty("units").GetInt32());
    }

    [Fact]
    public void Write_ReadPreview_WritesNewPlanAsSentAndEveryLineField()
    {
        // Arrange
        var preview = Read(Preview);

        // Act
        var written = JsonNode.Parse(JsonSerializer.Serialize(preview, DodoApiJsonContext.Default.PlanChangePreview))!;

        // Assert
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Preview)!["new_plan"], written["new_plan"]));
        Assert.Equal(-250, (long)written["immediate_charge"]!["line_items"]![3]!["amount"]!);
        Assert.Equal("saas", (string?)written["immediate_charge"]!["line_items"]![1]!["tax_category"]);
    }

    [Fact]
    public void Write_NewPlanBuiltInCode_WritesTheTypedFields()
    {
        // Arrange
        var preview = new PlanChangePreview { NewPlan = new PlanChangeNewPlan { ProductId = "pdt_pro", Quantity = 2 } };

        // Act
        var written = JsonNode.Parse(JsonSerializer.Serialize(preview, DodoApiJsonContext.Default.PlanChangePreview))!;

        // Assert
        Assert.Equal("pdt_pro", (string?)written["new_plan"]!["product_id"]);
        Assert.Equal(2, (int)written["new_plan"]!["quantity"]!);
    }
}
