using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Checkout;

/// <summary>
/// A static checkout (<c>GET</c> of <c>MapDodoCheckout</c>), read from the query string with the official adaptors'
/// names (<c>productId</c>, <c>quantity</c>, <c>fullName</c>, <c>disableEmail</c>, <c>metadata_*</c>, …). The checkout
/// URL is composed from this object after the app's <see cref="IDodoCheckoutHook"/> has seen it, so a hook can change
/// any value. Values are kept as received (text), as the adaptors pass them on verbatim.
/// </summary>
public sealed class StaticCheckoutRequest
{
    /// <summary><c>productId</c>: the product bought; required.</summary>
    public string? ProductId { get; set; }

    /// <summary><c>quantity</c>: a positive whole number; 1 when absent.</summary>
    public string? Quantity { get; set; }

    /// <summary><c>fullName</c>, prefilled on the checkout page.</summary>
    public string? FullName { get; set; }

    /// <summary><c>firstName</c>, prefilled on the checkout page.</summary>
    public string? FirstName { get; set; }

    /// <summary><c>lastName</c>, prefilled on the checkout page.</summary>
    public string? LastName { get; set; }

    /// <summary><c>email</c>, prefilled on the checkout page.</summary>
    public string? Email { get; set; }

    /// <summary><c>country</c>, prefilled on the checkout page.</summary>
    public string? Country { get; set; }

    /// <summary><c>addressLine</c>, prefilled on the checkout page.</summary>
    public string? AddressLine { get; set; }

    /// <summary><c>city</c>, prefilled on the checkout page.</summary>
    public string? City { get; set; }

    /// <summary><c>state</c>, prefilled on the checkout page.</summary>
    public string? State { get; set; }

    /// <summary><c>zipCode</c>, prefilled on the checkout page.</summary>
    public string? ZipCode { get; set; }

    /// <summary><c>disableFullName=true</c>: the full name cannot be edited.</summary>
    public bool DisableFullName { get; set; }

    /// <summary><c>disableFirstName=true</c>: the first name cannot be edited.</summary>
    public bool DisableFirstName { get; set; }

    /// <summary><c>disableLastName=true</c>: the last name cannot be edited.</summary>
    public bool DisableLastName { get; set; }

    /// <summary><c>disableEmail=true</c>: the email cannot be edited.</summary>
    public bool DisableEmail { get; set; }

    /// <summary><c>disableCountry=true</c>: the country cannot be edited.</summary>
    public bool DisableCountry { get; set; }

    /// <summary><c>disableAddressLine=true</c>: the address line cannot be edited.</summary>
    public bool DisableAddressLine { get; set; }

    /// <summary><c>disableCity=true</c>: the city cannot be edited.</summary>
    public bool DisableCity { get; set; }

    /// <summary><c>disableState=true</c>: the state cannot be edited.</summary>
    public bool DisableState { get; set; }

    /// <summary><c>disableZipCode=true</c>: the zip code cannot be edited.</summary>
    public bool DisableZipCode { get; set; }

    /// <summary><c>paymentCurrency</c>, passed on verbatim.</summary>
    public string? PaymentCurrency { get; set; }

    /// <summary><c>showCurrencySelector</c>, passed on verbatim.</summary>
    public string? ShowCurrencySelector { get; set; }

    /// <summary>
    /// <c>paymentAmount</c> (pay-what-you-want, in the currency's smallest unit), passed on verbatim. A price: refused from
    /// browsers (400 naming <c>paymentAmount</c>) unless the app's hook sets it.
    /// </summary>
    public string? PaymentAmount { get; set; }

    /// <summary><c>showDiscounts</c>, passed on verbatim.</summary>
    public string? ShowDiscounts { get; set; }

    /// <summary>
    /// The <c>metadata_*</c> parameters, keyed without the <c>metadata_</c> prefix (<c>?metadata_order=42</c> is
    /// <c>Metadata["order"] = "42"</c>), in the order received. Empty values are left out; each value goes into the URL as text.
    /// </summary>
    public DodoMetadata Metadata { get; } = new();
}
