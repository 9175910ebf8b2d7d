using System.Collections.Frozen;
using System.Globalization;

namespace DodoPayments.AspNetCore.Sample.Shop;

/// <summary>
/// Amounts as the shop shows them. Dodo sends every amount as an integer in the currency's smallest unit (ISO 4217:
/// 2900 USD is $29.00, 500 JPY is ¥500, 1234 KWD is KWD 1.234); the shop never shows that integer, nor a ratio such as a
/// proration factor, where money is meant. The server formats with <see cref="Format"/>; the pages with
/// <c>money()</c> in <c>wwwroot/shop.js</c>, which follows the same rules (the ISO 4217 minor units below, and the
/// en-US currency display of the browser's <c>Intl.NumberFormat</c>). The tests hold both to the same examples.
/// </summary>
internal static class ShopMoney
{
    /// <summary>Currencies whose smallest unit is the unit itself (ISO 4217 minor units 0). Keep in step with shop.js.</summary>
    private static readonly FrozenSet<string> NoMinorUnit =
        FrozenSet.ToFrozenSet(["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"], StringComparer.Ordinal);

    /// <summary>Currencies with three decimals (ISO 4217 minor units 3). Keep in step with shop.js.</summary>
    private static readonly FrozenSet<string> ThreeDecimals =
        FrozenSet.ToFrozenSet(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"], StringComparer.Ordinal);

    /// <summary>The symbols en-US shows (as <c>Intl.NumberFormat</c> does); any other currency shows its code.</summary>
    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["USD"] = "$",
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["JPY"] = "¥",
        ["INR"] = "₹",
        ["CAD"] = "CA$",
        ["AUD"] = "A$",
        ["NZD"] = "NZ$",
        ["HKD"] = "HK$",
        ["TWD"] = "NT$",
        ["MXN"] = "MX$",
        ["BRL"] = "R$",
        ["CNY"] = "CN¥",
        ["KRW"] = "₩",
        ["VND"] = "₫",
        ["ILS"] = "₪",
        ["PHP"] = "₱",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="amount"/> in the smallest unit of <paramref name="currency"/> (USD when absent) as money:
    /// <c>$3.54</c>, <c>-$3.54</c>, <c>$1,234.56</c>, <c>¥500</c>, <c>KWD 1.234</c> (a no-break space after a code).
    /// </summary>
    public static string Format(long amount, string? currency)
    {
        var code = string.IsNullOrWhiteSpace(currency) ? "USD" : currency.Trim().ToUpperInvariant();
        var digits = MinorUnitDigits(code);
        var units = Math.Abs((decimal)amount) / digits switch { 0 => 1m, 3 => 1000m, _ => 100m };
        var number = units.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var text = Symbols.TryGetValue(code, out var symbol) ? symbol + number : code + "\u00A0" + number;
        return amount < 0 ? "-" + text : text;
    }

    /// <summary>How many decimals the currency's smallest unit has: 0, 2 or 3.</summary>
    public static int MinorUnitDigits(string currency) =>
        NoMinorUnit.Contains(currency) ? 0 : ThreeDecimals.Contains(currency) ? 3 : 2;
}
