using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>
/// Dodo's error answer: <c>{"code": "NOT_FOUND", "message": "…"}</c>, or, on some endpoints,
/// <c>{"error": {"code": …, "message": …}}</c>.
/// </summary>
internal sealed class DodoApiErrorBody
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("error")]
    public DodoApiErrorBody? Error { get; set; }

    [JsonIgnore]
    public string? EffectiveCode => Code ?? Error?.Code;

    [JsonIgnore]
    public string? EffectiveMessage => Message ?? Error?.Message;
}
