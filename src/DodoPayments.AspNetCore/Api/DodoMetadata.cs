using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// The merchant's metadata of a checkout, payment, subscription, plan change, customer or product: keys with string,
/// number or boolean values (at most 50 keys on Dodo's side). The same type everywhere: what a hook sets on a request
/// is what a webhook payload reads back.
/// </summary>
/// <remarks>
/// <para>
/// Values read as text: a string as it is, a number or boolean as its JSON text (<c>3</c> reads <c>"3"</c>,
/// <c>false</c> reads <c>"false"</c>). Set a plain string with the indexer; <see cref="Set(string, long)"/> and its
/// overloads send a number or a boolean as one. <see cref="GetValueKind"/> tells which a value is. A value received
/// in another shape (an object, an array, <c>null</c>) is kept as its JSON text, so reading a webhook never fails on it;
/// the checkout endpoints refuse such values from a browser.
/// </para>
/// <para>Written and read without reflection (a source-generated context is enough), so Native AOT apps can use it.</para>
/// </remarks>
/// <example>
/// <code>
/// request.Metadata ??= new DodoMetadata();
/// request.Metadata["user_id"] = user.Id;      // a string
/// request.Metadata.Set("seats", 3);           // a number
/// // or from a dictionary: request.Metadata = new Dictionary&lt;string, string&gt; { ["user_id"] = user.Id };
/// </code>
/// </example>
[JsonConverter(typeof(DodoMetadataJsonConverter))]
public sealed class DodoMetadata : IDictionary<string, string?>, IReadOnlyDictionary<string, string?>
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>The JSON kind of each value that is not a string; created with the first such value (most metadata has none).</summary>
    private Dictionary<string, JsonValueKind>? _kinds;

    /// <summary>Creates empty metadata.</summary>
    public DodoMetadata()
    {
    }

    /// <summary>Creates metadata holding <paramref name="values"/> as strings.</summary>
    /// <param name="values">The keys and their string values.</param>
    public DodoMetadata(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            Set(key, value);
        }
    }

    /// <summary>How many keys there are.</summary>
    public int Count => _values.Count;

    /// <summary>The keys, in the order they were first set.</summary>
    public ICollection<string> Keys => _values.Keys;

    /// <summary>The values as text, in the order of <see cref="Keys"/>.</summary>
    public ICollection<string?> Values => _values.Values;

    IEnumerable<string> IReadOnlyDictionary<string, string?>.Keys => _values.Keys;

    IEnumerable<string?> IReadOnlyDictionary<string, string?>.Values => _values.Values;

    bool ICollection<KeyValuePair<string, string?>>.IsReadOnly => false;

    /// <summary>
    /// The value of <paramref name="key"/> as text; setting it stores a string (<c>null</c> stores JSON <c>null</c>,
    /// which Dodo does not accept).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">Getting a key that is not there.</exception>
    public string? this[string key]
    {
        get => _values[key];
        set => SetJson(key, value, value is null ? JsonValueKind.Null : JsonValueKind.String);
    }

    /// <summary>Metadata holding the strings of <paramref name="values"/>.</summary>
    /// <param name="values">The keys and their string values; null gives null.</param>
    [return: NotNullIfNotNull(nameof(values))]
    public static implicit operator DodoMetadata?(Dictionary<string, string>? values) => values is null ? null : new DodoMetadata(values);

    /// <summary>Sets <paramref name="key"/> to a string.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        SetJson(key, value, JsonValueKind.String);
    }

    /// <summary>Sets <paramref name="key"/> to a whole number, sent as a JSON number.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, long value) => SetJson(key, value.ToString(CultureInfo.InvariantCulture), JsonValueKind.Number);

    /// <summary>Sets <paramref name="key"/> to a decimal number, sent as a JSON number.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, decimal value) => SetJson(key, value.ToString(CultureInfo.InvariantCulture), JsonValueKind.Number);

    /// <summary>Sets <paramref name="key"/> to a number, sent as a JSON number.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value; a finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, which JSON cannot hold.</exception>
    public void Set(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Metadata numbers must be finite.");
        }

        SetJson(key, value.ToString("R", CultureInfo.InvariantCulture), JsonValueKind.Number);
    }

    /// <summary>Sets <paramref name="key"/> to a boolean, sent as JSON <c>true</c> or <c>false</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, bool value) => SetJson(key, value ? "true" : "false", value ? JsonValueKind.True : JsonValueKind.False);

    /// <summary>
    /// The JSON kind of the value of <paramref name="key"/>: <see cref="JsonValueKind.String"/>,
    /// <see cref="JsonValueKind.Number"/>, <see cref="JsonValueKind.True"/> or <see cref="JsonValueKind.False"/>
    /// (<see cref="JsonValueKind.Object"/>, <see cref="JsonValueKind.Array"/> or <see cref="JsonValueKind.Null"/> for a
    /// value received in a shape Dodo does not allow); <see cref="JsonValueKind.Undefined"/> when the key is not there.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The kind of the value.</returns>
    public JsonValueKind GetValueKind(string key) =>
        !_values.ContainsKey(key) ? JsonValueKind.Undefined
        : _kinds is not null && _kinds.TryGetValue(key, out var kind) ? kind
        : JsonValueKind.String;

    /// <summary>Adds <paramref name="key"/> with a string value (collection initializers use it).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is already there.</exception>
    public void Add(string key, string? value)
    {
        if (_values.ContainsKey(key))
        {
            throw new ArgumentException($"The metadata already has the key '{key}'.", nameof(key));
        }

        this[key] = value;
    }

    /// <summary>Whether <paramref name="key"/> is there.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when it is.</returns>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Gets the value of <paramref name="key"/> as text.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when the key is there.</param>
    /// <returns>True when the key is there.</returns>
    public bool TryGetValue(string key, out string? value) => _values.TryGetValue(key, out value);

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when it was there.</returns>
    public bool Remove(string key)
    {
        _kinds?.Remove(key);
        return _values.Remove(key);
    }

    /// <summary>Removes every key.</summary>
    public void Clear()
    {
        _values.Clear();
        _kinds?.Clear();
    }

    /// <summary>The keys and their values as text.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, string?>>.Add(KeyValuePair<string, string?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, string?>>.Contains(KeyValuePair<string, string?> item) =>
        ((ICollection<KeyValuePair<string, string?>>)_values).Contains(item);

    void ICollection<KeyValuePair<string, string?>>.CopyTo(KeyValuePair<string, string?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, string?>>)_values).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, string?>>.Remove(KeyValuePair<string, string?> item) =>
        ((ICollection<KeyValuePair<string, string?>>)_values).Contains(item) && Remove(item.Key);

    /// <summary>Sets <paramref name="key"/> to a value of the given JSON kind: its text, or its raw JSON for objects and arrays.</summary>
    internal void SetJson(string key, string? text, JsonValueKind kind)
    {
        ArgumentNullException.ThrowIfNull(key);
        _values[key] = text;
        if (kind == JsonValueKind.String)
        {
            _kinds?.Remove(key);
        }
        else
        {
            (_kinds ??= new(StringComparer.Ordinal))[key] = kind;
        }
    }
}
