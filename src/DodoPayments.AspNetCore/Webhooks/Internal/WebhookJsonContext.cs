using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// Source-generated metadata of the webhook payload models: no reflection at run time. Reading is tolerant: unknown
/// properties are skipped, numbers may come as strings, strings may come as numbers (<see cref="LenientStringConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(Refund))]
[JsonSerializable(typeof(Dispute))]
[JsonSerializable(typeof(LicenseKey))]
[JsonSerializable(typeof(CreditLedgerEntry))]
[JsonSerializable(typeof(CreditBalanceLow))]
[JsonSerializable(typeof(AbandonedCheckout))]
[JsonSerializable(typeof(DunningAttempt))]
[JsonSerializable(typeof(EntitlementGrant))]
[JsonSerializable(typeof(Payout))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
