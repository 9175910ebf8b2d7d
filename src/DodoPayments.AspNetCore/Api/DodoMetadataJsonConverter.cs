using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// Reads and writes <see cref="DodoMetadata"/> as a JSON object, each value in the kind it came or was set in. Written
/// by hand, so it needs no reflection and works in every source-generated context. A value of another shape than
/// string, number or boolean is kept as its raw JSON rather than failing the read (webhooks must not fail on it).
/// </summary>
internal sealed class DodoMetadataJsonConverter : JsonConverter<DodoMetadata>
{
    public override DodoMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("metadata must be a JSON object.");
        }

        var metadata = new DodoMetadata();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    metadata.SetJson(key, reader.GetString(), JsonValueKind.String);
                    break;
                case JsonTokenType.Number:
                    metadata.SetJson(key, Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan), JsonValueKind.Number);
                    break;
                case JsonTokenType.True:
                    metadata.SetJson(key, "true", JsonValueKind.True);
                    break;
                case JsonTokenType.False:
                    metadata.SetJson(key, "false", JsonValueKind.False);
                    break;
                case JsonTokenType.Null:
                    metadata.SetJson(key, null, JsonValueKind.Null);
                    break;
                default:
                    using (var document = JsonDocument.ParseValue(ref reader))
                    {
                        metadata.SetJson(key, document.RootElement.GetRawText(), document.RootElement.ValueKind);
                    }

                    break;
            }
        }

        return metadata;
    }

    public override void Write(Utf8JsonWriter writer, DodoMetadata value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WritePropertyName(key);
            switch (value.GetValueKind(key))
            {
                case JsonValueKind.String:
                    writer.WriteStringValue(text);
                    break;
                case JsonValueKind.True:
                    writer.WriteBooleanValue(true);
                    break;
                case JsonValueKind.False:
                    writer.WriteBooleanValue(false);
                    break;
                case JsonValueKind.Null:
                    writer.WriteNullValue();
                    break;
                default:
                    // A number's text, or an object or array as it was received: validated as JSON by the writer.
                    writer.WriteRawValue(text!);
                    break;
            }
        }

        writer.WriteEndObject();
    }
}
