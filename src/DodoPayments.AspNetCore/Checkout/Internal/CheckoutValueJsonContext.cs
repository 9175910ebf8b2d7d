using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// Turns the dynamic checkout's modelled fields that <c>POST /payments</c> and <c>POST /subscriptions</c> do not model
/// into JSON for their extension data. Kept apart from <see cref="DodoCheckoutJsonContext"/> so the app's own
/// serialization of these common types is untouched.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CheckoutValueJsonContext : JsonSerializerContext;
