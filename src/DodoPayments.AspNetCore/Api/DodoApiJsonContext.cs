using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>Source-generated JSON for everything sent to and read from the Dodo API: snake_case, nulls left out, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(CreatePaymentRequest))]
[JsonSerializable(typeof(CreatePaymentResponse))]
[JsonSerializable(typeof(CreateSubscriptionRequest))]
[JsonSerializable(typeof(CreateSubscriptionResponse))]
[JsonSerializable(typeof(CreateCheckoutSessionRequest))]
[JsonSerializable(typeof(CheckoutSessionResponse))]
[JsonSerializable(typeof(CustomerPortalSession))]
[JsonSerializable(typeof(ChangePlanRequest))]
[JsonSerializable(typeof(ChangePlanResult))]
[JsonSerializable(typeof(PlanChangePreview))]
[JsonSerializable(typeof(PlanChangeNewPlan))]
[JsonSerializable(typeof(DodoMetadata))]
[JsonSerializable(typeof(DodoApiErrorBody))]
internal sealed partial class DodoApiJsonContext : JsonSerializerContext;
