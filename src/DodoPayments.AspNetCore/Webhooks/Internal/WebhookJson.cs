using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>
/// How webhook payloads are read: the source-generated <see cref="WebhookJsonContext"/> with one rule added for every
/// model, so a handler never meets <c>null</c> where the model says there is none.
/// </summary>
/// <remarks>
/// Every payload model gives its non-nullable object, collection and string properties an empty value (<c>new()</c>,
/// <c>[]</c>, <c>string.Empty</c>). A missing field keeps it; a field sent as <c>null</c> is skipped the same way here,
/// instead of overwriting it: the setter of each non-nullable reference property ignores <c>null</c>. Nullable
/// properties (<c>string?</c>, <c>BillingAddress?</c>) still read <c>null</c>. The rule is applied once per type,
/// when its metadata is first built; reading stays source-generated (no reflection).
/// </remarks>
internal static class WebhookJson
{
    /// <summary>The options payloads are read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(WebhookJsonContext.Default.Options)
        {
            TypeInfoResolver = WebhookJsonContext.Default.WithAddedModifier(KeepEmptyValueForNull),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void KeepEmptyValueForNull(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType.IsValueType || property.IsSetNullable || property.Set is not { } set)
            {
                continue;
            }

            property.Set = (target, value) =>
            {
                if (value is not null)
                {
                    set(target, value);
                }
            };
        }
    }
}
