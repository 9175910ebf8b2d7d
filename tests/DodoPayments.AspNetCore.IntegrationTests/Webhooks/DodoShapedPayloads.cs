using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore.IntegrationTests.Webhooks;

/// <summary>
/// One realistic delivery per event type, <c>Payloads/{type}.json</c>: the envelope and <c>data</c> as Dodo sends them
/// (every field of its documentation and SDK types, nested objects and lists, nulls where Dodo sends them), and the main
/// fields of each payload model, to check a typed event against the JSON it was read from.
/// </summary>
internal static class DodoShapedPayloads
{
    /// <summary>What an enum-like field (a status, a stage, an interval …) is set to in <see cref="WithUnknownFieldsAndValues"/>.</summary>
    public const string NewEnumValue = "a_value_added_later";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Webhooks", "Payloads");

    /// <summary>The main fields of each payload model: its id, amounts, currency, statuses, customer and a nested item.</summary>
    private static readonly Dictionary<Type, MainField[]> MainFields = new()
    {
        [typeof(Payment)] = new Fields<Payment>()
            .Required("payment_id", data => data.PaymentId)
            .Required("total_amount", data => data.TotalAmount)
            .Required("currency", data => data.Currency)
            .Enum("status", data => data.Status)
            .Required("created_at", data => data.CreatedAt)
            .Required("customer.customer_id", data => data.Customer.CustomerId)
            .Required("customer.email", data => data.Customer.Email)
            .Optional("customer.phone_number", data => data.Customer.PhoneNumber)
            .Optional("billing.country", data => data.Billing?.Country)
            .Optional("settlement_amount", data => data.SettlementAmount)
            .Optional("tax", data => data.Tax)
            .Optional("product_cart[0].product_id", data => data.ProductCart.ElementAtOrDefault(0)?.ProductId)
            .Optional("product_cart[1].quantity", data => data.ProductCart.ElementAtOrDefault(1)?.Quantity)
            .Optional("metadata.order_id", data => data.Metadata.GetValueOrDefault("order_id"))
            .Optional("subscription_id", data => data.SubscriptionId)
            .Optional("card_last_four", data => data.CardLastFour)
            .Optional("error_code", data => data.ErrorCode)
            .Optional("custom_field_responses[0].value", data => data.CustomFieldResponses.ElementAtOrDefault(0)?.Value)
            .Required("retry_attempt", data => data.RetryAttempt)
            .Enum("payment_provider", data => data.PaymentProvider),
        [typeof(Subscription)] = new Fields<Subscription>()
            .Required("subscription_id", data => data.SubscriptionId)
            .Enum("status", data => data.Status)
            .Required("product_id", data => data.ProductId)
            .Required("quantity", data => data.Quantity)
            .Required("currency", data => data.Currency)
            .Required("recurring_pre_tax_amount", data => data.RecurringPreTaxAmount)
            .Enum("payment_frequency_interval", data => data.PaymentFrequencyInterval)
            .Required("next_billing_date", data => data.NextBillingDate)
            .Required("customer.email", data => data.Customer.Email)
            .Optional("billing.country", data => data.Billing?.Country)
            .Optional("metadata.plan", data => data.Metadata.GetValueOrDefault("plan"))
            .Optional("addons[0].addon_id", data => data.Addons.ElementAtOrDefault(0)?.AddonId)
            .Optional("addons[0].quantity", data => data.Addons.ElementAtOrDefault(0)?.Quantity)
            .Optional("cancelled_at", data => data.CancelledAt)
            .Optional("paused_at", data => data.PausedAt)
            .Optional("cancellation_feedback", data => data.CancellationFeedback)
            .Optional("scheduled_change.product_id", data => data.ScheduledChange?.ProductId)
            .Optional("scheduled_change.effective_at", data => data.ScheduledChange?.EffectiveAt)
            .Required("cancel_at_next_billing_date", data => data.CancelAtNextBillingDate),
        [typeof(Refund)] = new Fields<Refund>()
            .Required("refund_id", data => data.RefundId)
            .Required("payment_id", data => data.PaymentId)
            .Enum("status", data => data.Status)
            .Required("amount", data => data.Amount)
            .Required("currency", data => data.Currency)
            .Required("is_partial", data => data.IsPartial)
            .Required("customer.email", data => data.Customer.Email)
            .Optional("reason", data => data.Reason)
            .Optional("metadata.ticket", data => data.Metadata.GetValueOrDefault("ticket")),
        [typeof(Dispute)] = new Fields<Dispute>()
            .Required("dispute_id", data => data.DisputeId)
            .Required("payment_id", data => data.PaymentId)
            .Required("amount", data => data.Amount)
            .Required("currency", data => data.Currency)
            .Enum("dispute_stage", data => data.DisputeStage)
            .Enum("dispute_status", data => data.DisputeStatus)
            .Required("customer.email", data => data.Customer.Email)
            .Optional("reason", data => data.Reason)
            .Optional("remarks", data => data.Remarks),
        [typeof(LicenseKey)] = new Fields<LicenseKey>()
            .Required("id", data => data.Id)
            .Required("key", data => data.Key)
            .Required("product_id", data => data.ProductId)
            .Required("customer_id", data => data.CustomerId)
            .Enum("status", data => data.Status)
            .Required("instances_count", data => data.InstancesCount)
            .Optional("activations_limit", data => data.ActivationsLimit)
            .Optional("expires_at", data => data.ExpiresAt)
            .Optional("payment_id", data => data.PaymentId),
        [typeof(AbandonedCheckout)] = new Fields<AbandonedCheckout>()
            .Required("payment_id", data => data.PaymentId)
            .Required("customer_id", data => data.CustomerId)
            .Enum("status", data => data.Status)
            .Enum("abandonment_reason", data => data.AbandonmentReason)
            .Required("abandoned_at", data => data.AbandonedAt)
            .Optional("recovered_payment_id", data => data.RecoveredPaymentId),
        [typeof(DunningAttempt)] = new Fields<DunningAttempt>()
            .Required("subscription_id", data => data.SubscriptionId)
            .Required("customer_id", data => data.CustomerId)
            .Enum("status", data => data.Status)
            .Enum("trigger_state", data => data.TriggerState)
            .Required("created_at", data => data.CreatedAt)
            .Optional("payment_id", data => data.PaymentId),
        [typeof(CreditLedgerEntry)] = new Fields<CreditLedgerEntry>()
            .Required("id", data => data.Id)
            .Required("amount", data => data.Amount)
            .Required("balance_before", data => data.BalanceBefore)
            .Required("balance_after", data => data.BalanceAfter)
            .Required("overage_after", data => data.OverageAfter)
            .Required("credit_entitlement_id", data => data.CreditEntitlementId)
            .Required("customer_id", data => data.CustomerId)
            .Required("is_credit", data => data.IsCredit)
            .Enum("transaction_type", data => data.TransactionType)
            .Optional("grant_id", data => data.GrantId)
            .Optional("reference_type", data => data.ReferenceType)
            .Optional("metadata.plan", data => data.Metadata.GetValueOrDefault("plan")),
        [typeof(CreditBalanceLow)] = new Fields<CreditBalanceLow>()
            .Required("credit_entitlement_id", data => data.CreditEntitlementId)
            .Required("credit_entitlement_name", data => data.CreditEntitlementName)
            .Required("customer_id", data => data.CustomerId)
            .Required("subscription_id", data => data.SubscriptionId)
            .Required("available_balance", data => data.AvailableBalance)
            .Required("threshold_amount", data => data.ThresholdAmount)
            .Required("threshold_percent", data => data.ThresholdPercent),
        [typeof(EntitlementGrant)] = new Fields<EntitlementGrant>()
            .Required("id", data => data.Id)
            .Required("customer_id", data => data.CustomerId)
            .Required("entitlement_id", data => data.EntitlementId)
            .Enum("status", data => data.Status)
            .Enum("integration_type", data => data.IntegrationType)
            .Required("created_at", data => data.CreatedAt)
            .Optional("license_key.key", data => data.LicenseKey?.Key)
            .Optional("license_key.activations_limit", data => data.LicenseKey?.ActivationsLimit)
            .Optional("delivered_at", data => data.DeliveredAt)
            .Optional("revoked_at", data => data.RevokedAt)
            .Optional("error_code", data => data.ErrorCode)
            .Optional("oauth_url", data => data.OauthUrl)
            .Optional("payment_id", data => data.PaymentId),
        [typeof(Payout)] = new Fields<Payout>()
            .Required("payout_id", data => data.PayoutId)
            .Required("amount", data => data.Amount)
            .Required("currency", data => data.Currency)
            .Required("fee", data => data.Fee)
            .Enum("status", data => data.Status)
            .Required("created_at", data => data.CreatedAt)
            .Required("payment_method", data => data.PaymentMethod)
            .Optional("remarks", data => data.Remarks)
            .Optional("payout_document_url", data => data.PayoutDocumentUrl),
    };

    /// <summary>The event types there is a payload for: the file names, in order.</summary>
    public static IReadOnlyList<string> Types { get; } =
        [.. Directory.EnumerateFiles(Folder, "*.json").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)];

    /// <summary><see cref="Types"/>, for a theory.</summary>
    public static TheoryData<string> EventTypes => [.. Types];

    /// <summary>The delivery of <paramref name="type"/>, as Dodo sends it.</summary>
    public static string Read(string type) => File.ReadAllText(Path.Combine(Folder, type + ".json"));

    /// <summary>
    /// <paramref name="body"/> with fields Dodo may add later in every object (the envelope, <c>data</c> and every object
    /// and list item nested in it) and a value Dodo may add later in each enum-like main field of <paramref name="dataType"/>.
    /// </summary>
    public static string WithUnknownFieldsAndValues(string body, Type dataType)
    {
        var envelope = JsonNode.Parse(body)!.AsObject();
        var data = envelope["data"]!.AsObject();
        foreach (var field in FieldsOf(dataType).Where(field => field.IsEnum))
        {
            data[field.Path] = NewEnumValue;
        }

        AddUnknownFields(envelope);
        return envelope.ToJsonString();
    }

    /// <summary>The typed <c>Data</c> of <paramref name="webhookEvent"/> (reflection: tests only).</summary>
    public static object DataOf(WebhookEvent webhookEvent) =>
        webhookEvent.GetType().GetProperty(nameof(WebhookEvent<object>.Data))!.GetValue(webhookEvent)!;

    /// <summary>Each main field of <paramref name="data"/> holds what <paramref name="json"/> (the <c>data</c> sent) holds; the required ones are set.</summary>
    public static void AssertMainFieldsAreRead(JsonElement json, object data, string type)
    {
        foreach (var field in FieldsOf(data.GetType()))
        {
            var sent = Normalize(Find(json, field.Path));
            var read = Normalize(field.Read(data));
            var where = $"{type}: data.{field.Path}";
            Assert.True(!field.Required || sent is not null, $"{where} is missing from the payload, which should carry every main field.");
            Assert.True(sent == read, $"{where} was sent as {sent ?? "null"} but read as {read ?? "null"}.");
        }
    }

    /// <summary>Every main field of <paramref name="changed"/> equals that of <paramref name="original"/>, but the enum-like ones, which keep <see cref="NewEnumValue"/>.</summary>
    public static void AssertSameMainFields(object original, object changed, string type)
    {
        foreach (var field in FieldsOf(original.GetType()))
        {
            var expected = field.IsEnum ? NewEnumValue : Normalize(field.Read(original));
            var actual = Normalize(field.Read(changed));
            Assert.True(expected == actual, $"{type}: data.{field.Path} is {actual ?? "null"} with unknown fields and values added, {expected ?? "null"} without.");
        }
    }

    private static MainField[] FieldsOf(Type dataType) =>
        MainFields.TryGetValue(dataType, out var fields) ? fields : throw new InvalidOperationException($"List the main fields of {dataType.Name} in {nameof(DodoShapedPayloads)}.");

    private static void AddUnknownFields(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    AddUnknownFields(item);
                }
            }
        }
        else if (node is JsonObject value)
        {
            foreach (var child in value.Select(property => property.Value).ToList())
            {
                if (child is not null)
                {
                    AddUnknownFields(child);
                }
            }

            value["a_field_added_later"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, new JsonObject { ["deep"] = true }) };
            value["a_number_added_later"] = 12.5;
            value["a_null_added_later"] = null;
        }
    }

    /// <summary>The element at <paramref name="path"/> (<c>customer.email</c>, <c>product_cart[0].product_id</c>); null when absent.</summary>
    private static JsonElement? Find(JsonElement element, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }

            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() <= index)
                {
                    return null;
                }

                element = element[index];
            }
        }

        return element;
    }

    /// <summary>A value as text to compare: JSON as sent, model values as they would be sent; null for null, absent or empty.</summary>
    private static string? Normalize(JsonElement? element) => element?.ValueKind switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String when element.Value.TryGetDateTimeOffset(out var time) => Normalize(time),
        JsonValueKind.String => Normalize(element.Value.GetString()),
        _ => element.Value.GetRawText(),
    };

    private static string? Normalize(object? value) => value switch
    {
        null or "" => null,
        string text => text,
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No comparison for a main field of type {value.GetType()}."),
    };

    /// <summary>One main field: its JSON path in <c>data</c>, how to read it from the model, whether every payload carries it, whether it is enum-like.</summary>
    private sealed record MainField(string Path, Func<object, object?> Read, bool Required, bool IsEnum);

    /// <summary>Builds the main fields of <typeparamref name="T"/>.</summary>
    private sealed class Fields<T>
    {
        private readonly List<MainField> _fields = [];

        public static implicit operator MainField[](Fields<T> fields) => [.. fields._fields];

        public Fields<T> Required(string path, Func<T, object?> read) => Add(path, read, required: true, isEnum: false);

        public Fields<T> Optional(string path, Func<T, object?> read) => Add(path, read, required: false, isEnum: false);

        /// <summary>A status, stage, interval or other field whose values Dodo lists and may add to: required, and a string so new values are kept.</summary>
        public Fields<T> Enum(string path, Func<T, object?> read) => Add(path, read, required: true, isEnum: true);

        private Fields<T> Add(string path, Func<T, object?> read, bool required, bool isEnum)
        {
            _fields.Add(new MainField(path, data => read((T)data), required, isEnum));
            return this;
        }
    }
}
