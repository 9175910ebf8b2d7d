using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// One line of a plan change's immediate charge. Dodo sends three kinds, told apart by <see cref="Type"/>:
/// <c>subscription</c> (the plan: <see cref="ProductId"/>, <see cref="Quantity"/>, <see cref="UnitPrice"/>,
/// <see cref="ProrationFactor"/>), <c>addon</c> (<see cref="Quantity"/>, <see cref="UnitPrice"/>,
/// <see cref="ProrationFactor"/>, <see cref="TaxCategory"/>) and <c>meter</c> (<see cref="UnitsConsumed"/>,
/// <see cref="FreeThreshold"/>, <see cref="ChargeableUnits"/>, <see cref="PricePerUnit"/>, <see cref="Subtotal"/>).
/// </summary>
/// <remarks>
/// One flat class rather than a class per kind, so that a kind this package does not know yet is read, kept and
/// passed on rather than failing the whole preview: its fields land in <see cref="AdditionalProperties"/>.
/// Amounts are in the currency's smallest unit.
/// </remarks>
public sealed class PlanChangeLineItem
{
    /// <summary>The kind of line: <c>subscription</c>, <c>addon</c> or <c>meter</c> (other values are kept as sent).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The id of what is charged: the subscription, the addon or the meter.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>The display name (always set for addons and meters).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>A description, when there is one.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary><c>subscription</c>: the product of the new plan.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary><c>subscription</c> and <c>addon</c>: how many units.</summary>
    [JsonPropertyName("quantity")]
    public int? Quantity { get; set; }

    /// <summary><c>subscription</c> and <c>addon</c>: the price of one unit.</summary>
    [JsonPropertyName("unit_price")]
    public long? UnitPrice { get; set; }

    /// <summary><c>subscription</c> and <c>addon</c>: the share of the billing period charged (1 is the whole period).</summary>
    [JsonPropertyName("proration_factor")]
    public decimal? ProrationFactor { get; set; }

    /// <summary><c>addon</c>: the addon's tax category.</summary>
    [JsonPropertyName("tax_category")]
    public string? TaxCategory { get; set; }

    /// <summary><c>meter</c>: the units used in the period.</summary>
    [JsonPropertyName("units_consumed")]
    public decimal? UnitsConsumed { get; set; }

    /// <summary><c>meter</c>: the units that are free.</summary>
    [JsonPropertyName("free_threshold")]
    public decimal? FreeThreshold { get; set; }

    /// <summary><c>meter</c>: the units charged, beyond the free threshold.</summary>
    [JsonPropertyName("chargeable_units")]
    public decimal? ChargeableUnits { get; set; }

    /// <summary><c>meter</c>: the price of one unit (may be fractional).</summary>
    [JsonPropertyName("price_per_unit")]
    public decimal? PricePerUnit { get; set; }

    /// <summary><c>meter</c>: the amount of the line before tax.</summary>
    [JsonPropertyName("subtotal")]
    public long? Subtotal { get; set; }

    /// <summary>Whether the prices include tax.</summary>
    [JsonPropertyName("tax_inclusive")]
    public bool? TaxInclusive { get; set; }

    /// <summary>The tax rate applied, when known.</summary>
    [JsonPropertyName("tax_rate")]
    public decimal? TaxRate { get; set; }

    /// <summary>The tax of the line, when known.</summary>
    [JsonPropertyName("tax")]
    public long? Tax { get; set; }

    /// <summary>The rest of the line, as sent (the fields of a kind this package does not know).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
