using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

/// <summary>
/// A handler never meets null where a payload model says there is none: for every event type, every object, collection
/// and string field sent as <c>null</c> (or missing) reads as the model's empty value. Reflection is used here only, to
/// walk the models.
/// </summary>
public sealed class WebhookPayloadNullTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> EventTypes => [.. WebhookEventRegistry.Descriptors.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Read_EveryObjectAndCollectionFieldNull_LeavesNoNonNullablePropertyNull(string type)
    {
        // Arrange: strings get a value (one of them is the id), every object and collection field is null.
        var dataType = DataTypeOf(type);
        var data = new JsonObject();
        foreach (var property in WireProperties(dataType).Where(property => !property.PropertyType.IsValueType))
        {
            data[WireName(property)] = property.PropertyType == typeof(string) ? "x" : null;
        }

        // Act
        var webhookEvent = Read(type, data);

        // Assert
        AssertNoNullWhereNonNullable(DataOf(webhookEvent), $"{type}.data");
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Read_NestedObjectsWithEveryFieldNull_LeavesNoNonNullablePropertyNull(string type)
    {
        // Arrange: strings get a value; every object field is an object whose own object, collection and string
        // fields are all null, every collection of objects holds one such object, other collections are null.
        var dataType = DataTypeOf(type);
        var data = new JsonObject();
        foreach (var property in WireProperties(dataType).Where(property => !property.PropertyType.IsValueType))
        {
            data[WireName(property)] = property.PropertyType == typeof(string) ? "x" : NestedWithNulls(property.PropertyType);
        }

        // Act
        var webhookEvent = Read(type, data);

        // Assert
        AssertNoNullWhereNonNullable(DataOf(webhookEvent), $"{type}.data");
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Read_OnlyTheId_LeavesNoNonNullablePropertyNull(string type)
    {
        // Arrange
        var data = new JsonObject();
        foreach (var property in WireProperties(DataTypeOf(type)).Where(property => property.PropertyType == typeof(string)))
        {
            data[WireName(property)] = "x";
        }

        // Act
        var webhookEvent = Read(type, data);

        // Assert
        AssertNoNullWhereNonNullable(DataOf(webhookEvent), $"{type}.data");
    }

    [Fact]
    public void Read_PaymentWithNullCustomerMetadataAndCart_HasEmptyValues()
    {
        // Arrange
        var body = """{"type":"payment.succeeded","data":{"payment_id":"pay_1","customer":null,"metadata":null,"product_cart":null,"refunds":null,"billing":null}}""";

        // Act
        var payment = Assert.IsType<PaymentSucceededEvent>(WebhookEventReader.Read(Encoding.UTF8.GetBytes(body), "msg_1", DateTimeOffset.UnixEpoch).Event).Data;

        // Assert
        Assert.NotNull(payment.Customer);
        Assert.Null(payment.Customer.CustomerId);
        Assert.Empty(payment.Metadata);
        Assert.Empty(payment.ProductCart);
        Assert.Empty(payment.Refunds);
        Assert.Null(payment.Billing);
    }

    private static WebhookEvent Read(string type, JsonObject data)
    {
        var body = new JsonObject { ["business_id"] = "bus_1", ["type"] = type, ["data"] = data }.ToJsonString();
        var result = WebhookEventReader.Read(Encoding.UTF8.GetBytes(body), "msg_1", DateTimeOffset.UnixEpoch);
        Assert.True(result.Event is not null, $"{type} was not read: {result.Failure}");
        return result.Event;
    }

    private static Type DataTypeOf(string type) => WebhookEventRegistry.Descriptors[type].GetType().GetGenericArguments()[1];

    private static object DataOf(WebhookEvent webhookEvent) =>
        webhookEvent.GetType().GetProperty(nameof(WebhookEvent<object>.Data))!.GetValue(webhookEvent)!;

    private static IEnumerable<PropertyInfo> WireProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null);

    private static string WireName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;

    /// <summary>A payload model, or a value model of the Api namespace that payloads share with requests (customer, billing address, cart line).</summary>
    private static bool IsModel(Type type) =>
        (type.Namespace == typeof(Payment).Namespace || type.Namespace == typeof(AspNetCore.Api.Customer).Namespace) && type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static JsonNode? NestedWithNulls(Type type)
    {
        if (IsModel(type))
        {
            var nested = new JsonObject();
            foreach (var property in WireProperties(type).Where(property => !property.PropertyType.IsValueType))
            {
                nested[WireName(property)] = null;
            }

            return nested;
        }

        return ElementType(type) is { } element && IsModel(element) ? new JsonArray(NestedWithNulls(element)) : null;
    }

    private static void AssertNoNullWhereNonNullable(object model, string path)
    {
        foreach (var property in WireProperties(model.GetType()))
        {
            var value = property.GetValue(model);
            var where = $"{path}.{WireName(property)}";
            if (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.NotNull)
            {
                Assert.True(value is not null, $"{where} is null, but the model says it is never null.");
            }

            if (value is not null && IsModel(property.PropertyType))
            {
                AssertNoNullWhereNonNullable(value, where);
            }
            else if (value is IEnumerable items and not string && ElementType(property.PropertyType) is { } element && IsModel(element))
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        AssertNoNullWhereNonNullable(item, $"{where}[]");
                    }
                }
            }
        }
    }
}
