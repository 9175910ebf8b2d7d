using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Api;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// Source-generated JSON for the checkout endpoints' own bodies: the requests browsers send and the
/// <c>{"checkout_url"}</c> answer. Inserted first in the app's <c>JsonOptions</c> so the answer is written without
/// reflection. Numbers are strict: <c>"quantity": "2"</c> is a validation error, as in Dodo's API.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckoutSessionRequest))]
[JsonSerializable(typeof(DynamicCheckoutRequest))]
[JsonSerializable(typeof(CheckoutUrlResponse))]
internal sealed partial class DodoCheckoutJsonContext : JsonSerializerContext;
