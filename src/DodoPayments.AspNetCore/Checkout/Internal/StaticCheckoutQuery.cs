using System.Text;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// The static checkout's query string: read into a <see cref="StaticCheckoutRequest"/>, and composed back into the
/// checkout URL exactly as the official adaptors do (DODO.md §3.1). Values are escaped with
/// <see cref="Uri.EscapeDataString(string)"/>: a space is <c>%20</c> and <c>@</c> is <c>%40</c>, which every query
/// parser reads back unchanged.
/// </summary>
internal static class StaticCheckoutQuery
{
    public const string ProductId = "productId";
    public const string Quantity = "quantity";
    public const string PaymentAmount = "paymentAmount";
    public const string RedirectUrl = "redirect_url";
    public const string MetadataPrefix = "metadata_";

    public static StaticCheckoutRequest Read(IQueryCollection query)
    {
        var request = new StaticCheckoutRequest
        {
            ProductId = First(query, ProductId),
            Quantity = First(query, Quantity),
            FullName = First(query, "fullName"),
            FirstName = First(query, "firstName"),
            LastName = First(query, "lastName"),
            Email = First(query, "email"),
            Country = First(query, "country"),
            AddressLine = First(query, "addressLine"),
            City = First(query, "city"),
            State = First(query, "state"),
            ZipCode = First(query, "zipCode"),
            DisableFullName = IsTrue(query, "disableFullName"),
            DisableFirstName = IsTrue(query, "disableFirstName"),
            DisableLastName = IsTrue(query, "disableLastName"),
            DisableEmail = IsTrue(query, "disableEmail"),
            DisableCountry = IsTrue(query, "disableCountry"),
            DisableAddressLine = IsTrue(query, "disableAddressLine"),
            DisableCity = IsTrue(query, "disableCity"),
            DisableState = IsTrue(query, "disableState"),
            DisableZipCode = IsTrue(query, "disableZipCode"),
            PaymentCurrency = First(query, "paymentCurrency"),
            ShowCurrencySelector = First(query, "showCurrencySelector"),
            PaymentAmount = First(query, PaymentAmount),
            ShowDiscounts = First(query, "showDiscounts"),
        };

        foreach (var (name, values) in query)
        {
            if (name.Length > MetadataPrefix.Length
                && name.StartsWith(MetadataPrefix, StringComparison.Ordinal)
                && values.Count > 0
                && !string.IsNullOrEmpty(values[0]))
            {
                request.Metadata[name[MetadataPrefix.Length..]] = values[0]!;
            }
        }

        return request;
    }

    /// <summary><c>{checkout host}/buy/{productId}?quantity=…</c>, then the parameters in the adaptors' order.</summary>
    public static string ComposeUrl(Uri checkoutBase, StaticCheckoutRequest request, string? returnUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.ProductId);
        var url = new StringBuilder(256)
            .Append(checkoutBase.AbsoluteUri)
            .Append("buy/")
            .Append(Uri.EscapeDataString(request.ProductId))
            .Append('?').Append(Quantity).Append('=')
            .Append(Uri.EscapeDataString(string.IsNullOrEmpty(request.Quantity) ? "1" : request.Quantity));

        AppendIfNotEmpty(url, RedirectUrl, returnUrl);
        AppendIfNotEmpty(url, "fullName", request.FullName);
        AppendIfNotEmpty(url, "firstName", request.FirstName);
        AppendIfNotEmpty(url, "lastName", request.LastName);
        AppendIfNotEmpty(url, "email", request.Email);
        AppendIfNotEmpty(url, "country", request.Country);
        AppendIfNotEmpty(url, "addressLine", request.AddressLine);
        AppendIfNotEmpty(url, "city", request.City);
        AppendIfNotEmpty(url, "state", request.State);
        AppendIfNotEmpty(url, "zipCode", request.ZipCode);
        AppendIfTrue(url, "disableFullName", request.DisableFullName);
        AppendIfTrue(url, "disableFirstName", request.DisableFirstName);
        AppendIfTrue(url, "disableLastName", request.DisableLastName);
        AppendIfTrue(url, "disableEmail", request.DisableEmail);
        AppendIfTrue(url, "disableCountry", request.DisableCountry);
        AppendIfTrue(url, "disableAddressLine", request.DisableAddressLine);
        AppendIfTrue(url, "disableCity", request.DisableCity);
        AppendIfTrue(url, "disableState", request.DisableState);
        AppendIfTrue(url, "disableZipCode", request.DisableZipCode);
        AppendIfNotEmpty(url, "paymentCurrency", request.PaymentCurrency);
        AppendIfNotEmpty(url, "showCurrencySelector", request.ShowCurrencySelector);
        AppendIfNotEmpty(url, PaymentAmount, request.PaymentAmount);
        AppendIfNotEmpty(url, "showDiscounts", request.ShowDiscounts);
        foreach (var (key, value) in request.Metadata)
        {
            AppendIfNotEmpty(url, MetadataPrefix + key, value);
        }

        return url.ToString();
    }

    private static string? First(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Exactly <c>true</c>, as the adaptors compare; <c>True</c>, <c>1</c> or <c>false</c> are not.</summary>
    private static bool IsTrue(IQueryCollection query, string name) =>
        string.Equals(First(query, name), "true", StringComparison.Ordinal);

    private static void AppendIfNotEmpty(StringBuilder url, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Append(url, name, value);
        }
    }

    private static void AppendIfTrue(StringBuilder url, string name, bool value)
    {
        if (value)
        {
            Append(url, name, "true");
        }
    }

    private static void Append(StringBuilder url, string name, string value) =>
        url.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
}
